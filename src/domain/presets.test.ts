import { CAP_CAP_TREN, columnDef, HTT_PLUS, KV_NN, KV_NNN, XL_KHT, type ColumnType } from './catalog';
import { findPreset, PRESETS } from './presets';
import type { Indicator, Target, TargetSet } from './targetSet';
import { cleanText } from './text';

const ge = (n: number, d = 1): Target => ({ comparator: '>=', value: { n, d } });

function preset(id: string): TargetSet {
  const p = findPreset(id);
  if (!p) throw new Error(`no preset ${id}`);
  return p;
}

function ind(setId: string, id: string): Indicator {
  const i = preset(setId).indicators.find((x) => x.id === id);
  if (!i) throw new Error(`no indicator ${setId}/${id}`);
  return i;
}

/** Catalog columns an indicator reads, with the types each role accepts. */
function columnRoles(i: Indicator): [string, readonly ColumnType[]][] {
  const num: readonly ColumnType[] = ['int', 'money'];
  const roles: [string, readonly ColumnType[]][] = [];
  switch (i.kind) {
    case 'ratio':
    case 'unit_threshold':
      roles.push([i.num, num], [i.den, num]);
      break;
    case 'unit_share':
    case 'unit_count':
      roles.push([i.condition.column, 'values' in i.condition ? ['choice'] : ['bool']]);
      break;
    case 'sum':
    case 'mean':
      roles.push([i.column, num]);
      break;
    case 'change':
    case 'reduction':
      roles.push([i.start, num], [i.end, num]);
      break;
    case 'manual':
      break;
  }
  if (i.scope.where) roles.push([i.scope.where, ['bool']]);
  return roles;
}

describe('PRESETS', () => {
  it('holds the five sets of indicators.md with their sizes', () => {
    expect(PRESETS.map((p) => [p.id, p.indicators.length])).toEqual([
      ['bd-cdvc-2024', 8],
      ['bd-cdvc-nq02', 13],
      ['bt-ldld-2024', 19],
      ['cdgd-ct1-2024', 5],
      ['hy-cdgd-nq02', 20],
    ]);
  });

  it.each(PRESETS.map((p) => [p.id, p] as const))('%s: document fields are filled', (_id, p) => {
    expect(p.title).not.toBe('');
    expect(p.document).not.toBe('');
    expect(p.documentNumber).not.toBe('');
    expect(p.issuer).toBe(p.issuer.toUpperCase());
    if (p.parentIssuer !== undefined) expect(p.parentIssuer).toBe(p.parentIssuer.toUpperCase());
    expect(p.section).toBe('mục II');
    expect(p.source).toMatch(/^00\d_[0-9a-f]{16}\.txt$/);
    expect(['Bình Định', 'Bến Tre', 'Hà Nội', 'Hưng Yên']).toContain(p.place);
  });

  it.each(PRESETS.map((p) => [p.id, p] as const))('%s: ids unique, labels short and unique, text clean', (_id, p) => {
    const ids = p.indicators.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    const labels = p.indicators.map((i) => i.label);
    expect(new Set(labels).size).toBe(labels.length);
    for (const i of p.indicators) {
      expect(i.id).toMatch(/^[a-z0-9_]+$/);
      expect(i.label.length).toBeLessThanOrEqual(45);
      expect(i.label).toBe(cleanText(i.label));
      expect(i.description).toBeDefined();
      expect(i.description).toBe(cleanText(i.description ?? ''));
    }
  });

  it.each(PRESETS.map((p) => [p.id, p] as const))('%s: every column exists with a fitting type', (_id, p) => {
    for (const i of p.indicators) {
      for (const [key, types] of columnRoles(i)) {
        const def = columnDef(key);
        expect({ indicator: i.id, key, exists: def !== undefined }).toEqual({ indicator: i.id, key, exists: true });
        expect({ indicator: i.id, key, type: types.includes(def!.type) }).toEqual({ indicator: i.id, key, type: true });
      }
      if ((i.kind === 'unit_share' || i.kind === 'unit_count') && 'values' in i.condition) {
        const allowed = columnDef(i.condition.column)!.choices!.map((c) => c.value);
        for (const v of i.condition.values) expect(allowed).toContain(v);
      }
    }
  });

  it('uses only known scope values', () => {
    for (const p of PRESETS) {
      for (const i of p.indicators) {
        if (i.scope.level !== undefined) expect([CAP_CAP_TREN, 'all']).toContain(i.scope.level);
        if (i.scope.sector !== undefined) expect([KV_NN, KV_NNN]).toContain(i.scope.sector);
        if (i.scope.years) expect(i.scope.years[0]).toBeLessThanOrEqual(i.scope.years[1]);
      }
    }
  });
});

describe('targets checked by hand against indicators.md', () => {
  it('bd-cdvc-2024', () => {
    expect(preset('bd-cdvc-2024')).toMatchObject({
      document: 'Chương trình số 06/CTr-CĐVC ngày 16/9/2024',
      documentNumber: '06/CTr-CĐVC',
      issuer: 'CÔNG ĐOÀN VIÊN CHỨC TỈNH BÌNH ĐỊNH',
      parentIssuer: 'LIÊN ĐOÀN LAO ĐỘNG TỈNH BÌNH ĐỊNH',
      place: 'Bình Định',
      source: '000_04690bb8481b653f.txt',
    });
    expect(ind('bd-cdvc-2024', 'sang_kien_15')).toMatchObject({
      kind: 'unit_threshold',
      num: 'dv_sang_kien',
      den: 'so_dv',
      unitTarget: ge(3, 20),
      target: ge(1),
      scope: {},
    });
    expect(ind('bd-cdvc-2024', 'khong_kht')).toMatchObject({
      kind: 'unit_count',
      condition: { column: 'xep_loai', values: [XL_KHT] },
      target: { comparator: '<=', value: { n: 0, d: 1 } },
    });
    expect(ind('bd-cdvc-2024', 'bao_phu_dv')).toMatchObject({ kind: 'ratio', perUnit: true, target: ge(1) });
    expect(ind('bd-cdvc-2024', 'dat_chuan_vh').target).toEqual(ge(19, 20));
  });

  it('bd-cdvc-nq02', () => {
    expect(ind('bd-cdvc-nq02', 'hoc_tap_dv').target).toEqual({ comparator: '>', value: { n: 19, d: 20 } });
    expect(ind('bd-cdvc-nq02', 'gioi_thieu_dang')).toMatchObject({
      kind: 'mean',
      column: 'dv_gioi_thieu_dang',
      scope: { where: 'co_to_chuc_dang' },
      target: ge(1),
    });
    expect(ind('bd-cdvc-nq02', 'htt_tro_len')).toMatchObject({
      condition: { column: 'xep_loai', values: HTT_PLUS },
      target: ge(19, 20),
    });
    expect(ind('bd-cdvc-nq02', 'su_dung_kp')).toMatchObject({ num: 'kp_su_dung', den: 'kp_thu', perUnit: true, target: ge(3, 4) });
    expect(ind('bd-cdvc-nq02', 'uu_dai').target).toEqual(ge(1, 5));
  });

  it('bt-ldld-2024', () => {
    expect(ind('bt-ldld-2024', 'tuyen_truyen').target).toEqual({
      comparator: '>=',
      value: { n: 9, d: 10 },
      upper: { n: 19, d: 20 },
    });
    expect(ind('bt-ldld-2024', 'hoc_nghe_dn')).toMatchObject({ scope: { sector: KV_NNN }, target: ge(7, 10) });
    expect(ind('bt-ldld-2024', 'phat_trien_dv')).toMatchObject({ kind: 'sum', target: ge(9000) });
    expect(ind('bt-ldld-2024', 'tang_dv')).toMatchObject({ kind: 'change', start: 'so_dv_dau_ky', end: 'so_dv', target: ge(3500) });
    expect(ind('bt-ldld-2024', 'cdcs_moi')).toMatchObject({ kind: 'unit_count', condition: { column: 'cdcs_moi' }, target: ge(20) });
    expect(ind('bt-ldld-2024', 'dao_tao_chu_tich').scope).toEqual({ where: 'chu_tich_bau_moi' });
    expect(ind('bt-ldld-2024', 'cap_tren_htt')).toMatchObject({ scope: { level: CAP_CAP_TREN }, target: ge(17, 20) });
    expect(ind('bt-ldld-2024', 'htt_nn')).toMatchObject({ scope: { sector: KV_NN }, target: ge(41, 50) });
    expect(ind('bt-ldld-2024', 'htt_nnn')).toMatchObject({ scope: { sector: KV_NNN }, target: ge(3, 5) });
    expect(ind('bt-ldld-2024', 'giam_ho_ngheo')).toMatchObject({
      kind: 'reduction',
      start: 'ho_ngheo_dau_ky',
      end: 'ho_ngheo_cuoi_ky',
      scope: { level: 'all' },
      target: { comparator: '>=', value: { n: 3, d: 50 }, upper: { n: 1, d: 10 } },
    });
    expect(ind('bt-ldld-2024', 'giam_sat_dieu_le').target).toEqual(ge(1, 20));
    expect(ind('bt-ldld-2024', 'phan_bien')).toEqual(
      expect.objectContaining({ kind: 'manual', unitLabel: 'cuộc', target: ge(1), scope: {} }),
    );
    expect('value' in ind('bt-ldld-2024', 'phan_bien')).toBe(false);
    expect(ind('bt-ldld-2024', 'chu_ky_so')).toMatchObject({ scope: { level: 'all' }, target: ge(3000) });
  });

  it('cdgd-ct1-2024', () => {
    expect(preset('cdgd-ct1-2024')).toMatchObject({
      documentNumber: '348/QĐ-CĐN',
      issuer: 'CÔNG ĐOÀN GIÁO DỤC VIỆT NAM',
      place: 'Hà Nội',
      milestones: ['Sơ kết: quý 3/2026', 'Tổng kết: quý 3/2028'],
    });
    expect(ind('cdgd-ct1-2024', 'tap_huan_can_bo')).toMatchObject({ num: 'can_bo_tap_huan', den: 'can_bo_cd', perUnit: true });
    expect(ind('cdgd-ct1-2024', 'htt_nn').target).toEqual(ge(9, 10));
    expect(ind('cdgd-ct1-2024', 'htt_nnn').target).toEqual(ge(11, 20));
  });

  it('hy-cdgd-nq02', () => {
    expect(preset('hy-cdgd-nq02')).toMatchObject({ documentNumber: '04/CTrHĐ-CĐN', place: 'Hưng Yên' });
    expect(ind('hy-cdgd-nq02', 'ket_nap_2021_2025')).toMatchObject({
      kind: 'sum',
      column: 'dv_ket_nap_moi',
      scope: { years: [2021, 2025] },
      target: ge(250),
    });
    expect(ind('hy-cdgd-nq02', 'ket_nap_2026_2030').scope).toEqual({ years: [2026, 2030] });
    expect(ind('hy-cdgd-nq02', 'tuldtt_nnn')).toMatchObject({
      scope: { sector: KV_NNN },
      target: [
        { byYear: 2023, target: ge(1) },
        { byYear: 2025, target: ge(4, 5) },
        { byYear: 2030, target: ge(17, 20) },
        { byYear: 2045, target: ge(99, 100) },
      ],
    });
    expect(ind('hy-cdgd-nq02', 'dai_dien_tu_van').target).toEqual([
      { byYear: 2023, target: ge(13, 20) },
      { byYear: 2025, target: ge(17, 25) },
      { byYear: 2030, target: ge(3, 4) },
      { byYear: 2045, target: ge(99, 100) },
    ]);
    expect(ind('hy-cdgd-nq02', 'su_dung_kp').target).toEqual(ge(18, 25));
    expect(ind('hy-cdgd-nq02', 'cong_khai_tc').scope).toEqual({ level: 'all' });
  });
});

describe('findPreset', () => {
  it('finds by id, ignoring case and surrounding spaces', () => {
    expect(findPreset('bt-ldld-2024')?.documentNumber).toBe('02/CTr-LĐLĐ');
    expect(findPreset(' HY-CDGD-NQ02 ')?.id).toBe('hy-cdgd-nq02');
    expect(findPreset('khong-co')).toBeUndefined();
  });
});
