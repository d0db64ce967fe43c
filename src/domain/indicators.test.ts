import { computeIndicator, meets, targetFor } from './indicators';
import { percent, whole } from './rational';
import type { Indicator } from './targetSet';
import type { UnitRow } from './unit';

const unit = (i: number, values: UnitRow['values'], year = 2024): UnitRow => ({ row: i + 2, code: `CD${i}`, name: `Đơn vị ${i}`, year, values });

describe('meets — exact boundaries', () => {
  it('3 of 20 meets "≥ 15%" (3 × 100 = 300 = 15 × 20)', () => {
    expect(meets(3, 20, { comparator: '>=', value: percent(15) })).toBe(true);
  });
  it('19 of 20 does not meet "> 95%" (1900 = 95 × 20, not above)', () => {
    expect(meets(19, 20, { comparator: '>', value: percent(95) })).toBe(false);
  });
  it('2 of 20 (10%) fails "≥ 15%"; 20 of 20 meets "> 95%"', () => {
    expect(meets(2, 20, { comparator: '>=', value: percent(15) })).toBe(false);
    expect(meets(20, 20, { comparator: '>', value: percent(95) })).toBe(true);
  });
  it('"≤ 0": 0 meets, 1 fails', () => {
    expect(meets(0, 1, { comparator: '<=', value: whole(0) })).toBe(true);
    expect(meets(1, 1, { comparator: '<=', value: whole(0) })).toBe(false);
  });
  it('1/3 against 33,33…%: 1 × 3 vs 1 × 3 is equal, so ≥ meets and > does not', () => {
    expect(meets(1, 3, { comparator: '>=', value: { n: 1, d: 3 } })).toBe(true);
    expect(meets(1, 3, { comparator: '>', value: { n: 1, d: 3 } })).toBe(false);
  });
  it('money sums whose products pass 2^53 are still exact (BigInt path)', () => {
    // target 33,333% = 33333/100000. a = 33_333_000_000_001, b = 10^14:
    // a × 100000 = 3_333_300_000_000_100_000 > 33333 × 10^14 = 3_333_300_000_000_000_000 → strictly above.
    const t = { n: 33333, d: 100000 };
    const a = 33_333_000_000_001;
    const b = 100_000_000_000_000;
    expect(meets(a, b, { comparator: '>', value: t })).toBe(true);
    // a − 1 gives exactly 33,333%: not above, but at least.
    expect(meets(a - 1, b, { comparator: '>', value: t })).toBe(false);
    expect(meets(a - 1, b, { comparator: '>=', value: t })).toBe(true);
  });
});

describe('targetFor — year-dependent targets', () => {
  const ind: Indicator = {
    id: 't',
    label: 't',
    kind: 'unit_share',
    condition: { column: 'tuldtt' },
    scope: { sector: 'Ngoài nhà nước' },
    target: [
      { byYear: 2023, target: { comparator: '>=', value: percent(100) } },
      { byYear: 2025, target: { comparator: '>=', value: percent(80) } },
      { byYear: 2030, target: { comparator: '>=', value: percent(85) } },
      { byYear: 2045, target: { comparator: '>=', value: percent(99) } },
    ],
  };
  it.each([
    [2021, 100],
    [2023, 100],
    [2024, 80],
    [2025, 80],
    [2026, 85],
    [2030, 85],
    [2031, 99],
    [2050, 99], // after the last year: the last target
  ])('in %i the target is %i%%', (year, p) => {
    expect(targetFor(ind, year).value).toEqual(percent(p));
  });
});

describe('computeIndicator', () => {
  it('ratio: Σ num / Σ den over units with both values; per-unit statuses', () => {
    const ind: Indicator = { id: 'bao_phu', label: 'b', kind: 'ratio', num: 'so_dv', den: 'so_ld_du_dk', perUnit: true, scope: {}, target: { comparator: '>=', value: percent(100) } };
    const us = [
      unit(0, { so_dv: 10, so_ld_du_dk: 10 }), // 100% → Đạt
      unit(1, { so_dv: 8, so_ld_du_dk: 10 }), // 80% → Chưa đạt
      unit(2, { so_dv: 5 }), // den missing → Thiếu dữ liệu, not counted
      unit(3, { so_dv: 0, so_ld_du_dk: 0 }), // den 0 → Không áp dụng, counted in sums (adds 0)
    ];
    const { result, unitStatus } = computeIndicator(ind, us, 2024);
    // Σ num = 10 + 8 + 0 = 18; Σ den = 10 + 10 + 0 = 20; 18/20 = 90% < 100% → Chưa đạt.
    expect(result).toMatchObject({ numerator: 18, denominator: 20, actual: 0.9, status: 'CHUA_DAT', inScope: 4, reported: 3 });
    expect([...unitStatus!.values()]).toEqual(['DAT', 'CHUA_DAT', 'THIEU_DU_LIEU', 'KHONG_AP_DUNG']);
    expect(result.failingUnits.map((u) => u.row)).toEqual([3]);
  });

  it('ratio: denominator sum 0 → Không áp dụng; nobody reported → Thiếu dữ liệu; no unit in scope → Không áp dụng', () => {
    const ind: Indicator = { id: 'r', label: 'r', kind: 'ratio', num: 'don_thu_giai_quyet', den: 'don_thu', scope: { level: 'all' }, target: { comparator: '>=', value: percent(100) } };
    expect(computeIndicator(ind, [unit(0, { don_thu: 0, don_thu_giai_quyet: 0 })], 2024).result.status).toBe('KHONG_AP_DUNG');
    expect(computeIndicator(ind, [unit(0, {})], 2024).result.status).toBe('THIEU_DU_LIEU');
    expect(computeIndicator(ind, [], 2024).result.status).toBe('KHONG_AP_DUNG');
    expect(computeIndicator(ind, [unit(0, { don_thu: 4, don_thu_giai_quyet: 4 }, 2023)], 2024).result.status).toBe('KHONG_AP_DUNG');
  });

  it('unit_threshold: 3 of 20 members (15%) meets the unit threshold; share of units meeting vs 100%', () => {
    const ind: Indicator = {
      id: 'sang_kien_15',
      label: 's',
      kind: 'unit_threshold',
      num: 'dv_sang_kien',
      den: 'so_dv',
      unitTarget: { comparator: '>=', value: percent(15) },
      scope: {},
      target: { comparator: '>=', value: percent(100) },
    };
    const us = [
      unit(0, { dv_sang_kien: 3, so_dv: 20 }), // 15% → meets
      unit(1, { dv_sang_kien: 2, so_dv: 20 }), // 10% → fails
      unit(2, { dv_sang_kien: 0, so_dv: 0 }), // den 0 → not eligible
      unit(3, { so_dv: 20 }), // missing → Thiếu dữ liệu
    ];
    const { result, unitStatus } = computeIndicator(ind, us, 2024);
    // eligible = 2, meeting = 1 → 50% < 100% → Chưa đạt
    expect(result).toMatchObject({ numerator: 1, denominator: 2, actual: 0.5, status: 'CHUA_DAT', inScope: 4, reported: 3 });
    expect([...unitStatus!.values()]).toEqual(['DAT', 'CHUA_DAT', 'KHONG_AP_DUNG', 'THIEU_DU_LIEU']);
  });

  it('unit_share with xep_loai HTT+ and a sector: 19 of 20 fails "> 95%", 20 of 20 meets', () => {
    const ind: Indicator = {
      id: 'htt',
      label: 'h',
      kind: 'unit_share',
      condition: { column: 'xep_loai', values: ['Hoàn thành xuất sắc nhiệm vụ', 'Hoàn thành tốt nhiệm vụ'] },
      scope: { sector: 'Nhà nước' },
      target: { comparator: '>', value: percent(95) },
    };
    const nn = (i: number, xl: string) => unit(i, { khu_vuc: 'Nhà nước', xep_loai: xl });
    const us = Array.from({ length: 19 }, (_, i) => nn(i, i % 2 ? 'Hoàn thành tốt nhiệm vụ' : 'Hoàn thành xuất sắc nhiệm vụ'));
    us.push(nn(19, 'Hoàn thành nhiệm vụ'));
    us.push(unit(20, { khu_vuc: 'Ngoài nhà nước', xep_loai: 'Không hoàn thành nhiệm vụ' })); // out of scope
    const first = computeIndicator(ind, us, 2024).result;
    expect(first).toMatchObject({ numerator: 19, denominator: 20, status: 'CHUA_DAT', inScope: 20, reported: 20 });
    us[19] = nn(19, 'Hoàn thành tốt nhiệm vụ');
    expect(computeIndicator(ind, us, 2024).result).toMatchObject({ numerator: 20, denominator: 20, status: 'DAT' });
  });

  it('unit_share with a where column counts only units where it is Có', () => {
    const ind: Indicator = { id: 'dt', label: 'd', kind: 'unit_share', condition: { column: 'chu_tich_dao_tao' }, scope: { where: 'chu_tich_bau_moi' }, target: { comparator: '>=', value: percent(100) } };
    const us = [
      unit(0, { chu_tich_bau_moi: true, chu_tich_dao_tao: true }),
      unit(1, { chu_tich_bau_moi: false, chu_tich_dao_tao: false }), // not in scope
      unit(2, { chu_tich_bau_moi: true, chu_tich_dao_tao: true }),
    ];
    expect(computeIndicator(ind, us, 2024).result).toMatchObject({ numerator: 2, denominator: 2, status: 'DAT', inScope: 2 });
  });

  it('unit_count of KHT against "≤ 0"', () => {
    const ind: Indicator = { id: 'k', label: 'k', kind: 'unit_count', condition: { column: 'xep_loai', values: ['Không hoàn thành nhiệm vụ'] }, scope: {}, target: { comparator: '<=', value: whole(0) } };
    const ok = [unit(0, { xep_loai: 'Hoàn thành nhiệm vụ' }), unit(1, { xep_loai: 'Hoàn thành tốt nhiệm vụ' })];
    expect(computeIndicator(ind, ok, 2024).result).toMatchObject({ actual: 0, status: 'DAT' });
    const bad = [...ok, unit(2, { xep_loai: 'Không hoàn thành nhiệm vụ' })];
    expect(computeIndicator(ind, bad, 2024).result).toMatchObject({ actual: 1, status: 'CHUA_DAT' });
  });

  it('sum and mean, with level CĐ cấp trên and all levels', () => {
    const sum: Indicator = { id: 's', label: 's', kind: 'sum', column: 'dv_ket_nap_moi', scope: { level: 'all' }, target: { comparator: '>=', value: whole(9000) } };
    const us = [unit(0, { dv_ket_nap_moi: 4000 }), unit(1, { cap: 'CĐ cấp trên', dv_ket_nap_moi: 4999 }), unit(2, {})];
    // 4000 + 4999 = 8999 < 9000
    expect(computeIndicator(sum, us, 2024).result).toMatchObject({ actual: 8999, status: 'CHUA_DAT', inScope: 3, reported: 2 });
    const us2 = [...us.slice(0, 2), unit(2, { dv_ket_nap_moi: 1 })];
    expect(computeIndicator(sum, us2, 2024).result).toMatchObject({ actual: 9000, status: 'DAT' });
    const mean: Indicator = { id: 'm', label: 'm', kind: 'mean', column: 'dv_gioi_thieu_dang', scope: { where: 'co_to_chuc_dang' }, target: { comparator: '>=', value: whole(1) } };
    const ms = [
      unit(0, { co_to_chuc_dang: true, dv_gioi_thieu_dang: 2 }),
      unit(1, { co_to_chuc_dang: true, dv_gioi_thieu_dang: 0 }),
      unit(2, { co_to_chuc_dang: true, dv_gioi_thieu_dang: 0 }),
      unit(3, { co_to_chuc_dang: false, dv_gioi_thieu_dang: 9 }),
    ];
    // (2 + 0 + 0) / 3 = 0,67 < 1
    expect(computeIndicator(mean, ms, 2024).result).toMatchObject({ numerator: 2, denominator: 3, status: 'CHUA_DAT' });
  });

  it('change and reduction over units with both values', () => {
    const change: Indicator = { id: 'c', label: 'c', kind: 'change', start: 'so_dv_dau_ky', end: 'so_dv', scope: {}, target: { comparator: '>=', value: whole(3500) } };
    const us = [unit(0, { so_dv_dau_ky: 1000, so_dv: 3000 }), unit(1, { so_dv_dau_ky: 500, so_dv: 2000 }), unit(2, { so_dv: 99999 })];
    // (3000 + 2000) − (1000 + 500) = 3500 ≥ 3500
    expect(computeIndicator(change, us, 2024).result).toMatchObject({ actual: 3500, status: 'DAT', reported: 2 });
    const red: Indicator = {
      id: 'g',
      label: 'g',
      kind: 'reduction',
      start: 'ho_ngheo_dau_ky',
      end: 'ho_ngheo_cuoi_ky',
      scope: { level: 'all' },
      target: { comparator: '>=', value: percent(6), upper: percent(10) },
    };
    // (100 − 94) / 100 = 6% → meets the range's lower end
    expect(computeIndicator(red, [unit(0, { ho_ngheo_dau_ky: 100, ho_ngheo_cuoi_ky: 94 })], 2024).result).toMatchObject({ numerator: 6, denominator: 100, status: 'DAT' });
    // (100 − 95) / 100 = 5% → below
    expect(computeIndicator(red, [unit(0, { ho_ngheo_dau_ky: 100, ho_ngheo_cuoi_ky: 95 })], 2024).result.status).toBe('CHUA_DAT');
    // start 0 → Không áp dụng
    expect(computeIndicator(red, [unit(0, { ho_ngheo_dau_ky: 0, ho_ngheo_cuoi_ky: 0 })], 2024).result.status).toBe('KHONG_AP_DUNG');
  });

  it('year window: sums only its years, Thiếu dữ liệu when the workbook holds none of them', () => {
    const ind: Indicator = { id: 'w', label: 'w', kind: 'sum', column: 'dv_ket_nap_moi', scope: { years: [2021, 2023] }, target: { comparator: '>=', value: whole(120) } };
    const us = [unit(0, { dv_ket_nap_moi: 50 }, 2021), unit(1, { dv_ket_nap_moi: 70 }, 2023), unit(2, { dv_ket_nap_moi: 1000 }, 2024)];
    // 50 + 70 = 120 ≥ 120
    expect(computeIndicator(ind, us, 2024).result).toMatchObject({ actual: 120, status: 'DAT', years: { from: 2021, to: 2023, present: [2021, 2023] } });
    expect(computeIndicator(ind, [us[2]], 2024).result).toMatchObject({ status: 'THIEU_DU_LIEU', years: { present: [] } });
  });

  it('manual: the typed value against the target, Thiếu dữ liệu when none typed', () => {
    const base = { id: 'p', label: 'p', kind: 'manual' as const, scope: {}, target: { comparator: '>=' as const, value: whole(1) } };
    expect(computeIndicator(base, [], 2024).result.status).toBe('THIEU_DU_LIEU');
    expect(computeIndicator({ ...base, value: 1 }, [], 2024).result).toMatchObject({ status: 'DAT', actual: 1 });
  });
});
