import fc from 'fast-check';
import { convertLegacy, detectLegacyEncoding, fromLegacy, type LegacyEncoding } from './legacyEncoding';

/*
 * An encoder written independently of the module, from the published tables (TCVN 5712:1993 VN3 /
 * ABC and VNI Windows, as in the xvnkb keyboard's tcvn.h and vni.h). Each row lists a vowel in the
 * tables' order — plain, sắc, huyền, hỏi, ngã, nặng — which is not the order the module uses.
 */
const SHV = '\u00AD'; // soft hyphen: TCVN3's ư
const TABLE: readonly (readonly [unicode: string, tcvn3: string, vni: readonly string[]])[] = [
  ['aáàảãạ', 'a¸µ¶·¹', ['a', 'aù', 'aø', 'aû', 'aõ', 'aï']],
  ['ăắằẳẵặ', '¨¾»¼½Æ', ['aê', 'aé', 'aè', 'aú', 'aü', 'aë']],
  ['âấầẩẫậ', '©ÊÇÈÉË', ['aâ', 'aá', 'aà', 'aå', 'aã', 'aä']],
  ['eéèẻẽẹ', 'eÐÌÎÏÑ', ['e', 'eù', 'eø', 'eû', 'eõ', 'eï']],
  ['êếềểễệ', 'ªÕÒÓÔÖ', ['eâ', 'eá', 'eà', 'eå', 'eã', 'eä']],
  ['iíìỉĩị', 'iÝ×ØÜÞ', ['i', 'í', 'ì', 'æ', 'ó', 'ò']],
  ['oóòỏõọ', 'oãßáâä', ['o', 'où', 'oø', 'oû', 'oõ', 'oï']],
  ['ôốồổỗộ', '«èåæçé', ['oâ', 'oá', 'oà', 'oå', 'oã', 'oä']],
  ['ơớờởỡợ', '¬íêëìî', ['ô', 'ôù', 'ôø', 'ôû', 'ôõ', 'ôï']],
  ['uúùủũụ', 'uóïñòô', ['u', 'uù', 'uø', 'uû', 'uõ', 'uï']],
  ['ưứừửữự', SHV + 'øõö÷ù', ['ö', 'öù', 'öø', 'öû', 'öõ', 'öï']],
  ['yýỳỷỹỵ', 'yýúûüþ', ['y', 'yù', 'yø', 'yû', 'yõ', 'î']],
];
/** The only capitals TCVN3 (VN3) has codes for. */
const TCVN3_CAPITALS: Readonly<Record<string, string>> = { Ă: '¡', Â: '¢', Ê: '£', Ô: '¤', Ơ: '¥', Ư: '¦', Đ: '§' };

const TCVN3_OF = new Map<string, string>([['đ', '®']]);
const VNI_OF = new Map<string, string>([['đ', 'ñ'], ['Đ', 'Ñ']]);
for (const [unicode, tcvn3, vni] of TABLE) {
  [...unicode].forEach((letter, i) => {
    TCVN3_OF.set(letter, [...tcvn3][i]);
    VNI_OF.set(letter, vni[i]);
    // VNI capitals are the same sequences in capitals (vni.h: "OÂ", "ÔØ", "Î", "Ñ").
    VNI_OF.set(letter.toUpperCase(), vni[i].toUpperCase());
  });
}

/** Capital-font convention: a toned capital without its own code is typed with the lower-case code. */
function encodeTcvn3(text: string): string {
  return [...text]
    .map((ch) => TCVN3_CAPITALS[ch] ?? TCVN3_OF.get(ch) ?? (ch > '\x7f' ? TCVN3_OF.get(ch.toLowerCase()) : undefined) ?? ch)
    .join('');
}
function encodeVni(text: string): string {
  return [...text].map((ch) => VNI_OF.get(ch) ?? ch).join('');
}

/** All precomposed Vietnamese letters beyond ASCII: 66 vowel forms + đ, in each case. */
const LOWER_LETTERS = [...TABLE.map(([u]) => u).join(''), 'đ'].filter((ch) => ch > '\x7f');
const UPPER_LETTERS = LOWER_LETTERS.map((ch) => ch.toUpperCase());

/** [Unicode, TCVN3 typed by hand, VNI typed by hand] */
const PHRASES: readonly (readonly [string, string, string])[] = [
  ['Công đoàn cơ sở Trường THPT Nguyễn Huệ', `C«ng ®oµn c¬ së Tr${SHV}êng THPT NguyÔn HuÖ`, 'Coâng ñoaøn cô sôû Tröôøng THPT Nguyeãn Hueä'],
  ['Hoàn thành xuất sắc nhiệm vụ', 'Hoµn thµnh xuÊt s¾c nhiÖm vô', 'Hoaøn thaønh xuaát saéc nhieäm vuï'],
  ['Hoàn thành tốt nhiệm vụ', 'Hoµn thµnh tèt nhiÖm vô', 'Hoaøn thaønh toát nhieäm vuï'],
  ['Hoàn thành nhiệm vụ', 'Hoµn thµnh nhiÖm vô', 'Hoaøn thaønh nhieäm vuï'],
  ['Không hoàn thành nhiệm vụ', 'Kh«ng hoµn thµnh nhiÖm vô', 'Khoâng hoaøn thaønh nhieäm vuï'],
  ['Ngoài nhà nước', `Ngoµi nhµ n${SHV}íc`, 'Ngoaøi nhaø nöôùc'],
  ['Đoàn viên', '§oµn viªn', 'Ñoaøn vieân'],
  ['Liên đoàn Lao động tỉnh Quảng Ngãi', 'Liªn ®oµn Lao ®éng tØnh Qu¶ng Ng·i', 'Lieân ñoaøn Lao ñoäng tænh Quaûng Ngaõi'],
  ['Ban Chấp hành Công đoàn cơ sở', 'Ban ChÊp hµnh C«ng ®oµn c¬ së', 'Ban Chaáp haønh Coâng ñoaøn cô sôû'],
  ['Người lao động', `Ng${SHV}êi lao ®éng`, 'Ngöôøi lao ñoäng'],
  [
    'Doanh nghiệp có vốn đầu tư nước ngoài',
    `Doanh nghiÖp cã vèn ®Çu t${SHV} n${SHV}íc ngoµi`,
    'Doanh nghieäp coù voán ñaàu tö nöôùc ngoaøi',
  ],
  ['Đơn vị sự nghiệp', '§¬n vÞ sù nghiÖp', 'Ñôn vò söï nghieäp'],
  ['Nữ đoàn viên', 'N÷ ®oµn viªn', 'Nöõ ñoaøn vieân'],
  ['Khu vực hành chính sự nghiệp', 'Khu vùc hµnh chÝnh sù nghiÖp', 'Khu vöïc haønh chính söï nghieäp'],
  ['Trường Tiểu học Lê Lợi', `Tr${SHV}êng TiÓu häc Lª Lîi`, 'Tröôøng Tieåu hoïc Leâ Lôïi'],
  ['Tổng số đoàn viên', 'Tæng sè ®oµn viªn', 'Toång soá ñoaøn vieân'],
  ['Kỹ sư', `Kü s${SHV}`, 'Kyõ sö'],
  ['Chủ tịch Công đoàn', 'Chñ tÞch C«ng ®oµn', 'Chuû tòch Coâng ñoaøn'],
  ['Đạt chuẩn vững mạnh', '§¹t chuÈn v÷ng m¹nh', 'Ñaït chuaån vöõng maïnh'],
  ['Thỏa ước lao động tập thể', `Tháa ${SHV}íc lao ®éng tËp thÓ`, 'Thoûa öôùc lao ñoäng taäp theå'],
  ['Quỹ xã hội', 'Quü x· héi', 'Quyõ xaõ hoäi'],
  ['Bình đẳng giới', 'B×nh ®¼ng giíi', 'Bình ñaúng giôùi'],
  // Capitals: TCVN3 text from capital fonts (.VnTimeH) mixes ASCII capitals with lower-case codes.
  ['CÔNG ĐOÀN VIÊN CHỨC', 'C¤NG §OµN VI£N CHøC', 'COÂNG ÑOAØN VIEÂN CHÖÙC'],
  ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'CéNG HßA X· HéI CHñ NGHÜA VIÖT NAM', 'COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM'],
  ['ĐỘC LẬP - TỰ DO - HẠNH PHÚC', '§éC LËP - Tù DO - H¹NH PHóC', 'ÑOÄC LAÄP - TÖÏ DO - HAÏNH PHUÙC'],
];

describe('the independent test encoder agrees with the hand-typed forms', () => {
  it.each(PHRASES)('%s', (unicode, tcvn3, vni) => {
    expect(encodeTcvn3(unicode)).toBe(tcvn3);
    expect(encodeVni(unicode)).toBe(vni);
  });
});

describe('convertLegacy', () => {
  it('converts the examples from the spec', () => {
    expect(convertLegacy('C«ng ®oµn', 'tcvn3')).toBe('Công đoàn');
    expect(convertLegacy('Hoµn thµnh tèt nhiÖm vô', 'tcvn3')).toBe('Hoàn thành tốt nhiệm vụ');
    expect(convertLegacy('Tr\u00ADêng', 'tcvn3')).toBe('Trường');
    expect(convertLegacy('Coâng ñoaøn', 'vni')).toBe('Công đoàn');
    expect(convertLegacy('Tröôøng', 'vni')).toBe('Trường');
    expect(convertLegacy('ñ Ñ', 'vni')).toBe('đ Đ');
  });

  it.each(PHRASES)('TCVN3 and VNI forms of "%s" convert back', (unicode, tcvn3, vni) => {
    expect(convertLegacy(tcvn3, 'tcvn3')).toBe(unicode);
    expect(convertLegacy(vni, 'vni')).toBe(unicode);
  });

  it('returns NFC', () => {
    for (const [, tcvn3, vni] of PHRASES) {
      const a = convertLegacy(tcvn3, 'tcvn3');
      const b = convertLegacy(vni, 'vni');
      expect(a).toBe(a.normalize('NFC'));
      expect(b).toBe(b.normalize('NFC'));
    }
  });

  it('keeps digits, punctuation and other symbols', () => {
    expect(convertLegacy('Tæ 5 (C§CS) – 100%', 'tcvn3')).toBe('Tổ 5 (CĐCS) – 100%');
    expect(convertLegacy('Toå 5 (CÑCS) – 100%', 'vni')).toBe('Tổ 5 (CĐCS) – 100%');
  });

  it('TCVN3 capital-font words come out in capitals, mixed-case text keeps its case', () => {
    expect(convertLegacy('CéNG HOµ', 'tcvn3')).toBe('CỘNG HOÀ');
    expect(convertLegacy('Héi LHPN x· Tø Liªn', 'tcvn3')).toBe('Hội LHPN xã Tứ Liên');
    expect(convertLegacy('Ban CHÊP HµNH', 'tcvn3')).toBe('Ban CHẤP HÀNH');
    expect(convertLegacy('X· HéI', 'tcvn3')).toBe('XÃ HỘI');
    expect(convertLegacy('Tæ 5 (C§CS)', 'tcvn3')).toBe('Tổ 5 (CĐCS)');
    // A single capital is just a capitalised word (Lê), not a capital font.
    expect(convertLegacy('Lª', 'tcvn3')).toBe('Lê');
  });

  it('VNI marks follow their base letter in either case', () => {
    expect(convertLegacy('Aø AØ aØ', 'vni')).toBe('À À à');
    expect(convertLegacy('UÛy ban nhaân daân', 'vni')).toBe('Ủy ban nhân dân');
  });
});

describe('every letter round-trips (134 precomposed letters: 67 lower-case, 67 capitals)', () => {
  it('counts the letters', () => {
    expect(LOWER_LETTERS).toHaveLength(67);
    expect(new Set([...LOWER_LETTERS, ...UPPER_LETTERS]).size).toBe(134);
  });

  it.each(LOWER_LETTERS)('TCVN3 %s', (letter) => {
    const code = TCVN3_OF.get(letter) ?? '';
    expect(code).toHaveLength(1);
    expect(convertLegacy(code, 'tcvn3')).toBe(letter);
    expect(convertLegacy(`t${code}n`, 'tcvn3')).toBe(`t${letter}n`);
  });

  it.each(Object.entries(TCVN3_CAPITALS))('TCVN3 capital %s', (letter, code) => {
    expect(convertLegacy(code, 'tcvn3')).toBe(letter);
    expect(convertLegacy(`${code}n`, 'tcvn3')).toBe(`${letter}n`);
  });

  it.each([...LOWER_LETTERS, ...UPPER_LETTERS])('VNI %s', (letter) => {
    const code = VNI_OF.get(letter) ?? '';
    expect(convertLegacy(code, 'vni')).toBe(letter);
    expect(convertLegacy(`t${code}n`, 'vni')).toBe(`t${letter}n`);
  });

  it('random lower-case text round-trips through TCVN3', () => {
    const ch = fc.constantFrom(...LOWER_LETTERS, ...'abcdeghiklmnopqrstuvxy0123456789 ,.-');
    fc.assert(
      fc.property(fc.array(ch, { maxLength: 40 }), (chars) => {
        const text = chars.join('');
        expect(convertLegacy(encodeTcvn3(text), 'tcvn3')).toBe(text);
      }),
    );
  });

  it('random mixed-case text round-trips through VNI', () => {
    const ascii = 'abcdeghiklmnopqrstuvxyABCDGHKLMNOPQRSTUVXY0123456789 ,.-';
    const ch = fc.constantFrom(...LOWER_LETTERS, ...UPPER_LETTERS, ...ascii);
    fc.assert(
      fc.property(fc.array(ch, { maxLength: 40 }), (chars) => {
        const text = chars.join('');
        expect(convertLegacy(encodeVni(text), 'vni')).toBe(text);
      }),
    );
  });
});

describe('detectLegacyEncoding', () => {
  it('detects the spec examples', () => {
    expect(detectLegacyEncoding('C«ng ®oµn')).toBe('tcvn3');
    expect(detectLegacyEncoding('Hoµn thµnh tèt nhiÖm vô')).toBe('tcvn3');
    expect(detectLegacyEncoding('Tr\u00ADêng')).toBe('tcvn3');
    expect(detectLegacyEncoding('Coâng ñoaøn')).toBe('vni');
    expect(detectLegacyEncoding('Tröôøng')).toBe('vni');
  });

  it.each(PHRASES)('detects both legacy forms of "%s"', (unicode, tcvn3, vni) => {
    expect(detectLegacyEncoding(tcvn3)).toBe('tcvn3');
    expect(detectLegacyEncoding(vni)).toBe('vni');
    // …and never the Unicode text itself, composed or decomposed.
    expect(detectLegacyEncoding(unicode)).toBeUndefined();
    expect(detectLegacyEncoding(unicode.normalize('NFD'))).toBeUndefined();
  });

  it('detects short cells and names typed in old fonts', () => {
    expect(detectLegacyEncoding('Lª')).toBe('tcvn3');
    expect(detectLegacyEncoding('®i')).toBe('tcvn3');
    expect(detectLegacyEncoding('§¾k L¾k')).toBe('tcvn3');
    expect(detectLegacyEncoding('HuyÖn Kr«ng P¾c')).toBe('tcvn3');
    expect(detectLegacyEncoding('Leâ Thò Hoa')).toBe('vni');
  });

  const negatives: Record<string, readonly string[]> = {
    'English and plain ASCII': ['Total members', 'Hello, world!', 'N/A', 'TRUE', 'Cong doan co so', ''],
    'numbers and codes': ['12345', '1.234,56', '-', 'CD001', 'CĐCS-01', '2024'],
    'French, Spanish, German': [
      'José', 'Café', 'Señor', 'Crème brûlée', 'naïve', 'Müller', 'Zoë', 'façade', 'São Paulo', 'Straße',
      'Ñandú', 'résumé', 'Bogotá', 'Le café est très bon à Paris', 'Jérôme et Hélène', 'Muñoz Ibáñez',
    ],
    symbols: [
      '✓', '✔', '—', '–', '…', '«quoted»', '« quoted »', '«', '»', '©', '®', '°C', '25°', '½', '±5', '·', 'µ',
      '5 µm', '10µg', '©2024 Company', 'Note: «A»',
    ],
    // Unicode Vietnamese whose letters all exist in Latin-1: the risky case, since those bytes are TCVN3/VNI codes too.
    'Unicode Vietnamese with Latin-1 letters only': [
      'Tâm', 'Lê', 'Công', 'Hà', 'Võ', 'Tú', 'Bé', 'Vô', 'Hoàn thành', 'Thành viên', 'Lê Tâm', 'Lê Tâm Café',
      'HOÀ', 'TOÀN', 'Hòa Bình', 'Cà Mau', 'Tây Ninh', 'Tô Hoài', 'Châu Thành', 'Tâm «Lê»', 'Tân Phú',
    ],
  };
  it.each(Object.entries(negatives))('leaves %s alone', (_kind, texts) => {
    for (const text of texts) expect([text, detectLegacyEncoding(text)]).toEqual([text, undefined]);
  });
});

describe('fromLegacy', () => {
  it('detects and converts', () => {
    expect(fromLegacy('Hoµn thµnh tèt nhiÖm vô')).toEqual({ encoding: 'tcvn3', text: 'Hoàn thành tốt nhiệm vụ' });
    expect(fromLegacy('Khoâng hoaøn thaønh nhieäm vuï')).toEqual({ encoding: 'vni', text: 'Không hoàn thành nhiệm vụ' });
    expect(fromLegacy('CéNG HOµ X· HéI CHñ NGHÜA VIÖT NAM')).toEqual({
      encoding: 'tcvn3',
      text: 'CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    });
  });

  it('returns undefined for Unicode and plain text', () => {
    expect(fromLegacy('Hoàn thành tốt nhiệm vụ')).toBeUndefined();
    expect(fromLegacy('Hoàn thành')).toBeUndefined();
    expect(fromLegacy('CD001')).toBeUndefined();
  });

  it('agrees with detect + convert on every phrase', () => {
    for (const [unicode, tcvn3, vni] of PHRASES) {
      for (const [text, encoding] of [[tcvn3, 'tcvn3'], [vni, 'vni']] as const) {
        const expected: { encoding: LegacyEncoding; text: string } = { encoding, text: unicode };
        expect(fromLegacy(text)).toEqual(expected);
      }
    }
  });
});
