import { columnDef } from './catalog';
import { canonicalFix, columnReader, legacyMatch, normalizeCell, parseVietnameseNumber, wholeIfNoise } from './normalize';

const def = (k: string) => columnDef(k)!;

describe('parseVietnameseNumber', () => {
  it.each([
    ['9.000', 9000],
    ['1.234.567', 1234567],
    ['1 234 567', 1234567],
    ['1,5', 1.5],
    ['12', 12],
    ['1.5', 1.5], // a lone dot without three digits after it: the English decimal habit
    ['-5', -5],
    ['1.234,5', 1234.5],
  ])('%s → %d', (text, n) => expect(parseVietnameseNumber(text)).toBe(n));
  it.each(['12 người', 'abc', '1.23.4', '', '1,2,3'])('%s is not a number', (t) => expect(parseVietnameseNumber(t)).toBeUndefined());
});

describe('normalizeCell', () => {
  it('ints: numbers, number text, dashes, negatives, fractions', () => {
    expect(normalizeCell(120, def('so_dv'))).toEqual({ value: 120, issues: [] });
    expect(normalizeCell('9.000', def('so_dv'))).toEqual({ value: 9000, issues: [] });
    expect(normalizeCell(null, def('so_dv'))).toEqual({ issues: [] });
    expect(normalizeCell('  ', def('so_dv'))).toEqual({ issues: [] });
    const dash = normalizeCell('-', def('so_dv'));
    expect(dash.value).toBeUndefined();
    expect(dash.issues.map((i) => [i.rule, i.severity])).toEqual([['not_a_number', 'warning']]);
    expect(normalizeCell('x', def('so_dv')).issues[0].severity).toBe('warning');
    expect(normalizeCell('12 người', def('so_dv')).issues.map((i) => [i.rule, i.severity])).toEqual([['not_a_number', 'error']]);
    expect(normalizeCell(-3, def('so_dv')).issues[0].rule).toBe('negative');
    expect(normalizeCell('1,5', def('so_dv')).issues[0].rule).toBe('not_integer');
    expect(normalizeCell(2.5, def('so_dv')).value).toBeUndefined();
    expect(normalizeCell(true, def('so_dv')).issues[0].rule).toBe('not_a_number');
  });

  it('money in đồng beyond 10^9', () => {
    expect(normalizeCell('2.500.000.000', def('kp_thu')).value).toBe(2_500_000_000);
  });

  it('bools: the listed yes and no words; blank is missing, not Không', () => {
    for (const yes of ['có', 'Có', 'co', 'x', 'X', '✓', '✔', '1', 'yes', 'y', 'true', 'đã', 'rồi', 'đạt', 'CÓ']) {
      expect(normalizeCell(yes, def('co_ke_hoach')).value).toBe(true);
    }
    for (const no of ['không', 'khong', '0', 'no', 'n', 'false', 'chưa', 'KHÔNG']) {
      expect(normalizeCell(no, def('co_ke_hoach')).value).toBe(false);
    }
    expect(normalizeCell(1, def('co_ke_hoach')).value).toBe(true);
    expect(normalizeCell(true, def('co_ke_hoach')).value).toBe(true);
    expect(normalizeCell(null, def('co_ke_hoach')).value).toBeUndefined();
    const bad = normalizeCell('có lẽ', def('co_ke_hoach'));
    expect(bad.issues[0].rule).toBe('invalid_choice');
    expect(bad.issues[0].message).toContain('Hãy gõ Có hoặc Không');
  });

  it('choices: variants, case and diacritics; old rating scale is refused with a hint', () => {
    expect(normalizeCell('HTT', def('xep_loai')).value).toBe('Hoàn thành tốt nhiệm vụ');
    expect(normalizeCell('hoan thanh xuat sac', def('xep_loai')).value).toBe('Hoàn thành xuất sắc nhiệm vụ');
    expect(normalizeCell('KHT', def('xep_loai')).value).toBe('Không hoàn thành nhiệm vụ');
    expect(normalizeCell('Hoàn thành nhiệm vụ'.normalize('NFD'), def('xep_loai')).value).toBe('Hoàn thành nhiệm vụ');
    expect(normalizeCell('KVNN', def('khu_vuc')).value).toBe('Nhà nước');
    expect(normalizeCell('FDI', def('khu_vuc')).value).toBe('Ngoài nhà nước');
    expect(normalizeCell('LĐLĐ huyện', def('cap')).value).toBe('CĐ cấp trên');
    const old = normalizeCell('Vững mạnh', def('xep_loai'));
    expect(old.value).toBeUndefined();
    expect(old.issues[0].rule).toBe('invalid_choice');
    expect(old.issues[0].message).toContain('cách cũ');
    const typo = normalizeCell('Tốt lắm', def('xep_loai'));
    expect(typo.issues[0].message).toBe(
      '"Tốt lắm" không phải là mức xếp loại. Chọn một trong: Hoàn thành xuất sắc nhiệm vụ, Hoàn thành tốt nhiệm vụ, Hoàn thành nhiệm vụ, Không hoàn thành nhiệm vụ.',
    );
  });

  it('legacy TCVN3 text is converted and reported, with a fix', () => {
    const name = normalizeCell('C«ng ®oµn tr­êng', def('ten_don_vi'));
    expect(name.value).toBe('Công đoàn trường');
    expect(name.issues[0]).toMatchObject({ rule: 'legacy_encoding', severity: 'warning', fix: { value: 'Công đoàn trường' } });
    const rating = normalizeCell('Hoµn thµnh tèt nhiÖm vô', def('xep_loai'));
    expect(rating.value).toBe('Hoàn thành tốt nhiệm vụ');
    expect(rating.issues[0].rule).toBe('legacy_encoding');
  });

  it('text: NFC, spaces; error values are formula_error', () => {
    expect(normalizeCell('  Trường   THPT  ', def('ten_don_vi')).value).toBe('Trường THPT');
    expect(normalizeCell('Trường'.normalize('NFD'), def('ten_don_vi')).value).toBe('Trường');
    expect(normalizeCell({ error: '#REF!' }, def('so_dv')).issues[0].rule).toBe('formula_error');
  });
});

describe('canonicalFix', () => {
  it('offers number text → number, variant → canonical, bool word → Có/Không', () => {
    expect(canonicalFix('9.000', def('so_dv'), 9000)).toEqual({ value: 9000, label: 'Đổi thành số 9.000' });
    expect(canonicalFix('HTT', def('xep_loai'), 'Hoàn thành tốt nhiệm vụ')?.value).toBe('Hoàn thành tốt nhiệm vụ');
    expect(canonicalFix('x', def('co_ke_hoach'), true)?.value).toBe('Có');
    expect(canonicalFix('Có', def('co_ke_hoach'), true)).toBeUndefined();
    expect(canonicalFix(12, def('so_dv'), 12)).toBeUndefined();
  });
});

describe('floating-point noise (layouts.md, Values)', () => {
  it('a number within 1e-9 (relative) of a whole number is that number, in int and money alike', () => {
    // =E5*70% with E5 = 2.991.000 caches 2093699.9999999998; Excel shows 2.093.700.
    expect(wholeIfNoise(2093699.9999999998)).toBe(2093700);
    expect(normalizeCell(2093699.9999999998, def('so_dv'))).toEqual({ value: 2093700, issues: [] });
    expect(normalizeCell(2093699.9999999998, def('kp_thu'))).toEqual({ value: 2093700, issues: [] });
    // 0.1 + 0.2 = 0.30000000000000004 is noise around 0,3, not a whole number: kept.
    expect(wholeIfNoise(0.1 + 0.2)).toBe(0.1 + 0.2);
    // 3 × (0.1 + 0.2) × 10 = 9.000000000000002: 2e-15 from 9 → 9.
    expect(normalizeCell(3 * (0.1 + 0.2) * 10, def('so_dv')).value).toBe(9);
    // Just above the tolerance: 2.000000003 is 3e-9 from 2 (tolerance 2e-9) → still not whole.
    expect(normalizeCell(2.000000003, def('so_dv')).issues.map((i) => i.rule)).toEqual(['not_integer']);
    // A real fraction stays an error.
    expect(normalizeCell(2093699.9, def('so_dv')).issues.map((i) => i.rule)).toEqual(['not_integer']);
    // Noise just below zero is zero, not a negative number.
    expect(normalizeCell(-1e-12, def('so_dv'))).toEqual({ value: 0, issues: [] });
  });
});

describe('money units (layouts.md, Money units in the header)', () => {
  const trieu = { moneyScale: 1_000_000 };
  const nghin = { moneyScale: 1000 };

  it('converts amounts to đồng', () => {
    expect(normalizeCell(2.5, def('kp_thu'), trieu)).toEqual({ value: 2_500_000, issues: [] }); // 2,5 × 10^6
    expect(normalizeCell('1.500', def('kp_thu'), nghin)).toEqual({ value: 1_500_000, issues: [] }); // 1500 × 1000
    expect(normalizeCell('12,75', def('kp_thu'), trieu).value).toBe(12_750_000); // 12,75 × 10^6
    // 2,1 × 10^6 is 2100000.0000000005 in floating point: noise, read as 2.100.000.
    expect(normalizeCell(2.1, def('kp_thu'), trieu)).toEqual({ value: 2_100_000, issues: [] });
    expect(normalizeCell(7, def('kp_thu'), { moneyScale: 1 })).toEqual({ value: 7, issues: [] });
  });

  it('applies to money columns only', () => {
    expect(normalizeCell(7, def('so_dv'), trieu)).toEqual({ value: 7, issues: [] });
  });

  it('problem messages show the value as typed, with its unit', () => {
    const neg = normalizeCell(-3, def('kp_thu'), trieu);
    expect(neg.issues.map((i) => i.rule)).toEqual(['negative']);
    expect(neg.issues[0].message).toBe('-3 triệu đồng là số âm. Hãy gõ số từ 0 trở lên.');
    // 1,2345678 triệu = 1.234.567,8 đồng: a fraction of a đồng.
    const frac = normalizeCell('1,2345678', def('kp_thu'), trieu);
    expect(frac.issues.map((i) => i.rule)).toEqual(['not_integer']);
    expect(frac.issues[0].message).toContain('1,2345678 triệu đồng là 1.234.567,8 đồng');
    expect(normalizeCell('abc', def('kp_thu'), nghin).issues[0].message).toContain('số tiền (nghìn đồng)');
  });

  it('a fix writes the number in the header unit, not in đồng', () => {
    const read = columnReader(def('kp_thu'), nghin);
    // "1.500" in a nghìn đồng column: value 1.500.000 đồng, the cell becomes the number 1500.
    expect(read('1.500')).toMatchObject({ value: 1_500_000, fix: { value: 1500, label: 'Đổi thành số 1.500' } });
    expect(read(1500)).toEqual({ value: 1_500_000, issues: [] });
  });
});

describe('legacy text in choice and yes/no cells (layouts.md, Values)', () => {
  it('TCVN3 Cã is Có, with the legacy warning and a fix', () => {
    // TCVN3 ã (0xE3) is ó: "Cã" → "Có". The detector alone refuses it ("Cã" is a syllable as typed).
    const r = normalizeCell('Cã', def('co_ke_hoach'));
    expect(r.value).toBe(true);
    expect(r.issues).toEqual([
      {
        rule: 'legacy_encoding',
        severity: 'warning',
        encoding: 'tcvn3',
        message: '"Cã" được gõ bằng bảng mã cũ TCVN3 (ABC); chương trình đọc là "Có". Hãy gõ lại bằng Unicode hoặc bấm nút "Sửa tự động".',
        fix: { value: 'Có', label: 'Đổi thành "Có"' },
      },
    ]);
  });

  it('C§CS (TCVN3 § = Đ) and CÑCS (VNI Ñ = Đ) are CĐCS', () => {
    const t = normalizeCell('C§CS', def('cap'));
    expect(t.value).toBe('CĐCS');
    expect(t.issues.map((i) => [i.rule, i.encoding])).toEqual([['legacy_encoding', 'tcvn3']]);
    const v = normalizeCell('CÑCS', def('cap'));
    expect(v.value).toBe('CĐCS');
    expect(v.issues.map((i) => [i.rule, i.encoding])).toEqual([['legacy_encoding', 'vni']]);
  });

  it('VNI and TCVN3 yes/no words and levels', () => {
    expect(normalizeCell('Coù', def('co_ke_hoach')).value).toBe(true); // VNI où = ó
    expect(normalizeCell('Khoâng', def('co_ke_hoach')).value).toBe(false); // VNI oâ = ô
    expect(normalizeCell('Kh«ng', def('co_ke_hoach')).value).toBe(false); // TCVN3 « = ô
    expect(normalizeCell('Ch­a', def('co_ke_hoach')).value).toBe(false); // TCVN3 soft hyphen = ư: Chưa
    expect(normalizeCell('C§ cÊp trªn', def('cap')).value).toBe('CĐ cấp trên'); // TCVN3 Ê = ấ, ª = ê
  });

  it('a text that matches nothing in either conversion is still invalid_choice', () => {
    expect(normalizeCell('C§XX', def('cap')).issues.map((i) => i.rule)).toEqual(['invalid_choice']);
    // TCVN3 ú is ỳ ("Cỳ"), VNI has no lone ú: neither reads as a yes/no word.
    expect(normalizeCell('Cú', def('co_ke_hoach')).issues.map((i) => i.rule)).toEqual(['invalid_choice']);
  });

  it('legacyMatch tries both conversions', () => {
    const only = (want: string) => (t: string) => (t === want ? t : undefined);
    expect(legacyMatch('C§CS', only('CĐCS'))).toEqual({ encoding: 'tcvn3', value: 'CĐCS' });
    expect(legacyMatch('CÑCS', only('CĐCS'))).toEqual({ encoding: 'vni', value: 'CĐCS' });
    expect(legacyMatch('CDCS', only('CĐCS'))).toBeUndefined(); // plain ASCII: nothing to convert
  });
});
