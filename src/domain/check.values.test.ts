/**
 * layouts.md "Values" and "The year of a sheet" through the engine: float noise, money units in
 * headers, TCVN3/VNI choice and yes/no cells, and where the run's year comes from. Tables are
 * built here; expected values are worked out by hand in the comments.
 */
import { checkSheet, type CheckOptions } from './check';
import type { RawCell, SheetGrid } from './grid';
import { findPreset } from './presets';
import { percent } from './rational';
import { toJsonReport } from './report';
import type { CheckResult } from './result';
import type { TargetSet } from './targetSet';
import { table } from '../../test/support/table';

const TODAY = new Date(2026, 10, 21);

function check(grid: SheetGrid, options: Partial<CheckOptions> & { targetSet: TargetSet }): CheckResult {
  const out = checkSheet(grid, { today: TODAY, ...options });
  if (!out.ok) throw new Error(out.error.message);
  return out.value;
}
const rulesAt = (r: CheckResult) => r.problems.map((p) => `${p.rule}@${p.cell}`);
const bd2024 = findPreset('bd-cdvc-2024')!;

/** Two money ratios, as hy-cdgd-nq02 defines them, in a set of their own. */
const MONEY_SET: TargetSet = {
  id: 'kinh-phi',
  title: 'Kinh phí',
  document: 'Thử nghiệm',
  documentNumber: 'TN',
  issuer: 'Thử nghiệm',
  indicators: [
    { id: 'su_dung_kp', kind: 'ratio', num: 'kp_su_dung', den: 'kp_thu', perUnit: true, label: 'Sử dụng KP', scope: {}, target: { comparator: '>=', value: percent(72) } },
    { id: 'thu_tai_chinh', kind: 'ratio', num: 'kp_thu', den: 'kp_phai_thu', label: 'Thu tài chính', scope: {}, target: { comparator: '>=', value: percent(90) } },
  ],
};

describe('floating-point noise', () => {
  it('=E5*70% cached as 2093699.9999999998 is 2.093.700: no not_integer, and it counts', () => {
    const keys = ['ma_don_vi', 'ten_don_vi', 'khu_vuc', 'nam', 'so_ld_du_dk', 'so_dv'];
    // Unit 1: 2.991.000 eligible, members = 70% of them = 2.093.700 (cached with noise).
    // Unit 2: 100 eligible, 100 members.
    const grid = table({
      keys,
      rows: [
        { ma_don_vi: 'A', ten_don_vi: 'CĐCS A', khu_vuc: 'Nhà nước', nam: 2024, so_ld_du_dk: 2991000, so_dv: 2093699.9999999998 },
        { ma_don_vi: 'B', ten_don_vi: 'CĐCS B', khu_vuc: 'Nhà nước', nam: 2024, so_ld_du_dk: 100, so_dv: 100.00000000000001 },
      ],
    });
    const r = check(grid, { targetSet: bd2024 });
    expect(r.problems.filter((p) => p.rule === 'not_integer')).toEqual([]);
    // bao_phu_dv: Σ so_dv = 2.093.700 + 100 = 2.093.800; Σ eligible = 2.991.100.
    expect(r.indicators.find((i) => i.id === 'bao_phu_dv')).toMatchObject({ numerator: 2093800, denominator: 2991100 });
  });

  it('in money columns alike', () => {
    const grid: SheetGrid = {
      name: 'KP',
      rows: [
        ['Mã đơn vị', 'Tên đơn vị', 'Khu vực', 'Kinh phí công đoàn đã thu', 'Kinh phí CĐCS được sử dụng', 'Kinh phí, đoàn phí phải thu'],
        // kp_su_dung = 70% of 2.991.000 with noise; kp_phai_thu 2.991.000.
        ['A', 'CĐCS A', 'Nhà nước', 2991000, 2093699.9999999998, 2991000],
      ],
    };
    const r = check(grid, { targetSet: MONEY_SET, year: 2024 });
    expect(rulesAt(r)).toEqual([]);
    // su_dung_kp: 2.093.700 / 2.991.000 = 70% < 72%.
    expect(r.indicators.find((i) => i.id === 'su_dung_kp')).toMatchObject({ numerator: 2093700, denominator: 2991000, status: 'CHUA_DAT' });
  });
});

describe('money units in the header', () => {
  const header = [
    'Mã đơn vị',
    'Tên đơn vị',
    'Khu vực',
    'Kinh phí công đoàn đã thu (triệu đồng)',
    'Kinh phí CĐCS được sử dụng (nghìn đồng)',
    'Kinh phí, đoàn phí phải thu (đồng)',
  ];
  //  A     B          C          D (triệu)  E (nghìn)  F (đồng)
  const rows: RawCell[][] = [
    // A: thu 2,5 tr = 2.500.000; sử dụng 1.875 nghìn = 1.875.000; phải thu 2.600.000.
    ['A', 'CĐCS A', 'Nhà nước', 2.5, 1875, 2600000],
    // B: thu 1,2 tr = 1.200.000 (1,2 × 10^6 has float noise); sử dụng "900" nghìn = 900.000; phải thu 1.300.000.
    ['B', 'CĐCS B', 'Nhà nước', 1.2, '900', 1300000],
  ];

  it('amounts are computed in đồng', () => {
    const r = check({ name: 'KP', rows: [header, ...rows] }, { targetSet: MONEY_SET, year: 2024 });
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
    // su_dung_kp: (1.875.000 + 900.000) / (2.500.000 + 1.200.000) = 2.775.000 / 3.700.000 = 75% ≥ 72%.
    expect(r.indicators.find((i) => i.id === 'su_dung_kp')).toMatchObject({ numerator: 2775000, denominator: 3700000, status: 'DAT' });
    // thu_tai_chinh: 3.700.000 / (2.600.000 + 1.300.000) = 3.700.000 / 3.900.000 ≈ 94,9% ≥ 90%.
    expect(r.indicators.find((i) => i.id === 'thu_tai_chinh')).toMatchObject({ numerator: 3700000, denominator: 3900000, status: 'DAT' });
    // The JSON names the unit of each money column.
    expect(toJsonReport(r).moneyUnits).toEqual({ kp_thu: 'triệu đồng', kp_su_dung: 'nghìn đồng', kp_phai_thu: 'đồng' });
    // The fix for the text "900" writes the number 900 (nghìn đồng), never 900.000.
    expect(r.fixes.find((f) => f.cell === 'E3')).toMatchObject({ value: 900 });
  });

  it('problem messages show the value as typed', () => {
    const bad = [header, ['A', 'CĐCS A', 'Nhà nước', -2.5, 1875, 2600000]];
    const r = check({ name: 'KP', rows: bad }, { targetSet: MONEY_SET, year: 2024 });
    expect(r.problems.find((p) => p.cell === 'D2')?.message).toBe('Ô D2: -2,5 triệu đồng là số âm. Hãy gõ số từ 0 trở lên.');
  });

  it('exceeds_total compares in đồng and shows each amount in its column unit', () => {
    // Sử dụng 3.000 nghìn = 3.000.000 đồng > thu 2,5 triệu = 2.500.000 đồng (= 2.500 nghìn đồng).
    const bad = [header, ['A', 'CĐCS A', 'Nhà nước', 2.5, 3000, 2600000]];
    const r = check({ name: 'KP', rows: bad }, { targetSet: MONEY_SET, year: 2024 });
    expect(r.problems.find((p) => p.rule === 'exceeds_total')?.message).toBe(
      'Ô E2: Kinh phí CĐCS được sử dụng (3.000 nghìn đồng) lớn hơn Kinh phí công đoàn đã thu (2,5 triệu đồng) của CĐCS A. Hãy kiểm tra lại: số này phải nhỏ hơn hoặc bằng 2.500 nghìn đồng.',
    );
  });

  it('a table without units reports đồng', () => {
    const plain = [['Mã đơn vị', 'Tên đơn vị', 'Khu vực', 'Kinh phí công đoàn đã thu', 'Kinh phí CĐCS được sử dụng'], ['A', 'CĐCS A', 'Nhà nước', 2500000, 1875000]];
    const r = check({ name: 'KP', rows: plain }, { targetSet: MONEY_SET, year: 2024 });
    expect(toJsonReport(r).moneyUnits).toEqual({ kp_thu: 'đồng', kp_su_dung: 'đồng' });
  });
});

describe('TCVN3 and VNI in choice and yes/no cells', () => {
  it('are recognised after conversion, with the legacy_encoding warning on the cell', () => {
    const keys = ['ma_don_vi', 'ten_don_vi', 'khu_vuc', 'cap', 'nam', 'co_ke_hoach'];
    //            A            B             C          D      E      F
    const grid = table({
      keys,
      rows: [
        // TCVN3: "Nhµ n­íc" = Nhà nước, "C§CS" = CĐCS, "Cã" = Có.
        { ma_don_vi: 'A', ten_don_vi: 'CĐCS A', khu_vuc: 'Nhµ n­íc', cap: 'C§CS', nam: 2024, co_ke_hoach: 'Cã' },
        // VNI: "CÑCS" = CĐCS, "Khoâng" = Không.
        { ma_don_vi: 'B', ten_don_vi: 'CĐCS B', khu_vuc: 'Nhà nước', cap: 'CÑCS', nam: 2024, co_ke_hoach: 'Khoâng' },
      ],
    });
    const r = check(grid, { targetSet: bd2024 });
    expect(r.problems.filter((p) => p.rule === 'invalid_choice')).toEqual([]);
    expect(r.problems.filter((p) => p.rule === 'legacy_encoding').map((p) => `${p.cell}:${p.rule === 'legacy_encoding' ? p.encoding : ''}`)).toEqual([
      'C2:tcvn3',
      'D2:tcvn3',
      'F2:tcvn3',
      'D3:vni',
      'F3:vni',
    ]);
    // co_ke_hoach: A has Có, B has Không → 1/2 = 50% < 100%.
    expect(r.indicators.find((i) => i.id === 'co_ke_hoach')).toMatchObject({ numerator: 1, denominator: 2, status: 'CHUA_DAT' });
    expect(r.fixes.filter((f) => f.column === 'cap').map((f) => [f.cell, f.value])).toEqual([
      ['D2', 'CĐCS'],
      ['D3', 'CĐCS'],
    ]);
  });
});

describe('the year of a sheet without a Năm column', () => {
  const keys = ['ma_don_vi', 'ten_don_vi', 'khu_vuc', 'co_ke_hoach'];
  const rows = [{ ma_don_vi: 'A', ten_don_vi: 'CĐCS A', khu_vuc: 'Nhà nước', co_ke_hoach: 'Có' }];

  it('the title year, never the signing date line above it', () => {
    const title = [[null, 'Quy Nhơn, ngày 12 tháng 01 năm 2024'], ['BÁO CÁO KẾT QUẢ THỰC HIỆN CHỈ TIÊU NĂM 2023']];
    const r = check(table({ keys, rows, title }), { targetSet: bd2024 });
    expect([r.year, r.yearSource, r.yearNote]).toEqual([2023, 'title', undefined]);
    expect(r.units[0].year).toBe(2023);
    expect(toJsonReport(r)).toMatchObject({ year: 2023, yearSource: 'title' });
  });

  it('then the sheet name, then the file name', () => {
    expect(check(table({ keys, rows, name: 'BC 2022' }), { targetSet: bd2024, fileName: 'bc-2021.xlsx' })).toMatchObject({ year: 2022, yearSource: 'sheet' });
    expect(check(table({ keys, rows, name: 'Số liệu' }), { targetSet: bd2024, fileName: '/tmp/bao-cao-2021.xlsx' })).toMatchObject({ year: 2021, yearSource: 'file' });
  });

  it('--year wins over every other source', () => {
    const title = [['BÁO CÁO NĂM 2023']];
    expect(check(table({ keys, rows, title, name: 'BC 2022' }), { targetSet: bd2024, year: 2020 })).toMatchObject({ year: 2020, yearSource: 'option' });
  });

  it('otherwise the current year, with a warning in the result and the JSON', () => {
    const r = check(table({ keys, rows, name: 'Số liệu' }), { targetSet: bd2024 });
    expect([r.year, r.yearSource]).toEqual([2026, 'guess']);
    expect(r.yearNote).toContain('tạm tính cho năm nay (2026)');
    const json = toJsonReport(r);
    expect(json.yearSource).toBe('guess');
    expect(json.yearNote).toBe(r.yearNote);
  });

  it('a Năm column gives the latest year in the data', () => {
    const r = check(table({ keys: [...keys, 'nam'], rows: [{ ...rows[0], nam: 2024 }], title: [['BÁO CÁO NĂM 2023']] }), { targetSet: bd2024 });
    expect([r.year, r.yearSource]).toEqual([2024, 'data']);
  });
});
