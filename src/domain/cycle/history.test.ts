/**
 * Progress over the years: a hand-worked three-year example for every indicator kind, and
 * hy-cdgd-nq02's year-dependent targets and windows. Every expected value is worked out in the
 * comments from the rows below, never copied from the engine's output.
 */
import { checkSheet, checkSheetAndYears } from '../check';
import { KV_NNN, XL_HT, XL_KHT, XL_TOT } from '../catalog';
import type { RawCell, SheetGrid } from '../grid';
import { findPreset } from '../presets';
import { toNumber } from '../rational';
import type { TargetSet } from '../targetSet';
import { table } from '../../../test/support/table';
import { buildHistory, checkYears, historyJson, historyOf, type History } from './history';

const C = 'Có';
const K = 'Không';
const pct = (p: number) => ({ comparator: '>=' as const, value: { n: p, d: 100 } });
const atLeast = (n: number) => ({ comparator: '>=' as const, value: { n, d: 1 } });
const TODAY = new Date(2026, 11, 2);

/** One indicator of every kind the engine has (indicators.ts), over catalog columns. */
const ALL_KINDS: TargetSet = {
  id: 'moi-loai',
  title: 'Bộ thử: mỗi loại chỉ tiêu một dòng',
  document: 'Văn bản thử',
  documentNumber: '01/TH',
  issuer: 'CÔNG ĐOÀN THỬ',
  indicators: [
    { id: 'ratio_ht', kind: 'ratio', num: 'dv_hoc_tap', den: 'tong_so_ld', perUnit: true, label: 'Học tập', scope: {}, target: pct(80) },
    {
      id: 'threshold_sk',
      kind: 'unit_threshold',
      num: 'dv_sang_kien',
      den: 'so_dv',
      unitTarget: pct(15),
      label: 'Sáng kiến',
      scope: {},
      // Year-dependent: by 2022 ≥ 50%, afterwards (by 2030) ≥ 100%.
      target: [
        { byYear: 2022, target: pct(50) },
        { byYear: 2030, target: pct(100) },
      ],
    },
    { id: 'share_kh', kind: 'unit_share', condition: { column: 'co_ke_hoach' }, label: 'Kế hoạch', scope: {}, target: pct(100) },
    {
      id: 'count_kht',
      kind: 'unit_count',
      condition: { column: 'xep_loai', values: [XL_KHT] },
      label: 'Không hoàn thành',
      scope: {},
      target: { comparator: '<=', value: { n: 0, d: 1 } },
    },
    { id: 'sum_kn', kind: 'sum', column: 'dv_ket_nap_moi', label: 'Kết nạp', scope: {}, target: atLeast(10) },
    { id: 'mean_gt', kind: 'mean', column: 'dv_gioi_thieu_dang', label: 'Giới thiệu Đảng', scope: {}, target: atLeast(1) },
    { id: 'change_dv', kind: 'change', start: 'so_dv_dau_ky', end: 'so_dv', label: 'Tăng đoàn viên', scope: {}, target: atLeast(5) },
    { id: 'reduction_hn', kind: 'reduction', start: 'ho_ngheo_dau_ky', end: 'ho_ngheo_cuoi_ky', label: 'Giảm hộ nghèo', scope: {}, target: pct(10) },
    { id: 'manual_pb', kind: 'manual', value: 2, label: 'Phản biện', scope: {}, target: atLeast(1) },
  ],
};

const KEYS = [
  'ma_don_vi', 'ten_don_vi', 'khu_vuc', 'nam', 'tong_so_ld', 'dv_hoc_tap', 'so_dv_dau_ky', 'so_dv', 'dv_sang_kien', 'co_ke_hoach',
  'xep_loai', 'dv_ket_nap_moi', 'dv_gioi_thieu_dang', 'ho_ngheo_dau_ky', 'ho_ngheo_cuoi_ky',
];

/** [hoc_tap, dau_ky, so_dv, sang_kien, ke_hoach, xep_loai, ket_nap, gioi_thieu, hn_dau, hn_cuoi]; tong_so_ld is 40 everywhere. */
type Figures = [number, number, number, number, string, string, number, number, number, number];
const ROWS: Record<number, Record<'A' | 'B' | 'C', Figures>> = {
  2022: {
    A: [30, 18, 20, 2, C, XL_TOT, 2, 1, 10, 9],
    B: [36, 10, 10, 2, K, XL_KHT, 1, 0, 10, 10],
    C: [20, 30, 30, 6, C, XL_HT, 3, 2, 20, 18],
  },
  2023: {
    A: [34, 20, 22, 4, C, XL_TOT, 3, 1, 9, 8],
    B: [36, 10, 12, 1, C, XL_HT, 2, 1, 10, 9],
    C: [30, 30, 32, 8, C, XL_HT, 4, 2, 18, 16],
  },
  2024: {
    A: [36, 22, 24, 6, C, XL_TOT, 4, 2, 8, 8],
    B: [38, 12, 15, 3, C, XL_TOT, 3, 1, 9, 7],
    C: [34, 32, 35, 7, K, XL_HT, 5, 3, 16, 15],
  },
};

function unitRow(year: number | undefined, id: 'A' | 'B' | 'C', f: Figures): Record<string, RawCell> {
  const code = { A: 'CD001', B: 'CD002', C: 'CD003' }[id];
  return {
    ma_don_vi: code,
    ten_don_vi: `CĐCS ${id}`,
    khu_vuc: 'Nhà nước',
    ...(year !== undefined ? { nam: year } : {}),
    tong_so_ld: 40,
    dv_hoc_tap: f[0],
    so_dv_dau_ky: f[1],
    so_dv: f[2],
    dv_sang_kien: f[3],
    co_ke_hoach: f[4],
    xep_loai: f[5],
    dv_ket_nap_moi: f[6],
    dv_gioi_thieu_dang: f[7],
    ho_ngheo_dau_ky: f[8],
    ho_ngheo_cuoi_ky: f[9],
  };
}

/** One table with a Năm column holding 2022, 2023 and 2024. */
function multiYear(): SheetGrid {
  const rows = [2022, 2023, 2024].flatMap((y) => (['A', 'B', 'C'] as const).map((u) => unitRow(y, u, ROWS[y][u])));
  return table({ keys: KEYS, rows });
}

/** One table per year, without a Năm column: the year is in the title ("NĂM 2023"). */
function yearly(year: number): SheetGrid {
  const rows = (['A', 'B', 'C'] as const).map((u) => unitRow(undefined, u, ROWS[year][u]));
  return table({ name: 'Số liệu', title: [[`BÁO CÁO KẾT QUẢ NĂM ${year}`], []], keys: KEYS.filter((k) => k !== 'nam'), rows });
}

function point(h: History, id: string, year: number) {
  const p = h.indicators.find((i) => i.id === id)!.points.find((x) => x.year === year)!;
  return p.result;
}

function byId(h: History, id: string) {
  return h.indicators.find((i) => i.id === id)!;
}

/**
 * The worked example (tong_so_ld = 40 in every row):
 *
 * 2022 — ratio Σ hoc_tap 30+36+20 = 86 / 120 = 0.7167 < 80% → Chưa đạt (per unit: A 75% ✗, B 90% ✓, C 50% ✗);
 *   threshold: A 2/20 = 10% ✗, B 2/10 = 20% ✓, C 6/30 = 20% ✓ → 2/3, target by 2022 ≥ 50% → Đạt;
 *   share: Có for A, C → 2/3 < 100% → Chưa đạt; count of KHT: B → 1, target ≤ 0 → Chưa đạt;
 *   sum ket_nap 2+1+3 = 6 < 10 → Chưa đạt; mean gioi_thieu (1+0+2)/3 = 1 ≥ 1 → Đạt;
 *   change Σ so_dv 20+10+30 = 60 − Σ dau_ky 18+10+30 = 58 → +2 < 5 → Chưa đạt;
 *   reduction (40 − 37)/40 = 0.075 < 10% → Chưa đạt; manual 2 ≥ 1 → Đạt.
 * 2023 — ratio 34+36+30 = 100/120 = 0.8333 → Đạt (A 85% ✓, B 90% ✓, C 75% ✗);
 *   threshold: A 4/22 = 18.2% ✓, B 1/12 = 8.3% ✗, C 8/32 = 25% ✓ → 2/3, target by 2030 ≥ 100% → Chưa đạt;
 *   share 3/3 → Đạt; count 0 → Đạt; sum 3+2+4 = 9 → Chưa đạt; mean (1+1+2)/3 = 4/3 → Đạt;
 *   change 66 − 60 = +6 → Đạt; reduction (37 − 33)/37 = 0.1081 → Đạt; manual 2 → Đạt.
 * 2024 — ratio 36+38+34 = 108/120 = 0.9 → Đạt (A 90%, B 95%, C 85%: all ✓);
 *   threshold: 6/24 = 25%, 3/15 = 20%, 7/35 = 20% → 3/3 = 100% → Đạt; share A, B → 2/3 → Chưa đạt;
 *   count 0 → Đạt; sum 4+3+5 = 12 → Đạt; mean (2+1+3)/3 = 2 → Đạt; change 74 − 66 = +8 → Đạt;
 *   reduction (33 − 30)/33 = 0.0909 → Chưa đạt; manual 2 → Đạt.
 */
function expectWorkedExample(h: History): void {
  expect(h.years).toEqual([2022, 2023, 2024]);
  const statuses = (id: string) => byId(h, id).points.map((p) => p.result.status);
  const actuals = (id: string) => byId(h, id).points.map((p) => p.result.actual);
  expect(statuses('ratio_ht')).toEqual(['CHUA_DAT', 'DAT', 'DAT']);
  expect(actuals('ratio_ht')[0]).toBeCloseTo(86 / 120, 12);
  expect(actuals('ratio_ht')[1]).toBeCloseTo(100 / 120, 12);
  expect(actuals('ratio_ht')[2]).toBeCloseTo(0.9, 12);
  expect(statuses('threshold_sk')).toEqual(['DAT', 'CHUA_DAT', 'DAT']);
  expect(actuals('threshold_sk')).toEqual([2 / 3, 2 / 3, 1]);
  // The target that applied each year: 50% up to 2022, then 100%.
  expect(byId(h, 'threshold_sk').points.map((p) => p.result.target.value)).toEqual([{ n: 50, d: 100 }, { n: 100, d: 100 }, { n: 100, d: 100 }]);
  expect(statuses('share_kh')).toEqual(['CHUA_DAT', 'DAT', 'CHUA_DAT']);
  expect(actuals('share_kh')).toEqual([2 / 3, 1, 2 / 3]);
  expect(statuses('count_kht')).toEqual(['CHUA_DAT', 'DAT', 'DAT']);
  expect(actuals('count_kht')).toEqual([1, 0, 0]);
  expect(statuses('sum_kn')).toEqual(['CHUA_DAT', 'CHUA_DAT', 'DAT']);
  expect(actuals('sum_kn')).toEqual([6, 9, 12]);
  expect(statuses('mean_gt')).toEqual(['DAT', 'DAT', 'DAT']);
  expect(actuals('mean_gt')).toEqual([1, 4 / 3, 2]);
  expect(statuses('change_dv')).toEqual(['CHUA_DAT', 'DAT', 'DAT']);
  expect(actuals('change_dv')).toEqual([2, 6, 8]);
  expect(statuses('reduction_hn')).toEqual(['CHUA_DAT', 'DAT', 'CHUA_DAT']);
  expect(actuals('reduction_hn')).toEqual([3 / 40, 4 / 37, 3 / 33]);
  expect(statuses('manual_pb')).toEqual(['DAT', 'DAT', 'DAT']);
  expect(actuals('manual_pb')).toEqual([2, 2, 2]);

  // Change from 2022 to 2024: fraction points for ratio/shares/reduction, plain difference otherwise.
  expect(byId(h, 'ratio_ht').changeKind).toBe('points');
  expect(byId(h, 'ratio_ht').change).toBeCloseTo(22 / 120, 12); // 108/120 − 86/120
  expect(byId(h, 'threshold_sk').change).toBeCloseTo(1 / 3, 12); // 1 − 2/3
  expect(byId(h, 'share_kh').change).toBeCloseTo(0, 12); // 2/3 − 2/3
  expect(byId(h, 'reduction_hn').change).toBeCloseTo(3 / 33 - 3 / 40, 12); // 0.0909 − 0.075 = 0.0159
  expect(byId(h, 'reduction_hn').changeKind).toBe('points');
  expect(byId(h, 'count_kht')).toMatchObject({ change: -1, changeKind: 'difference' }); // 0 − 1
  expect(byId(h, 'sum_kn')).toMatchObject({ change: 6, changeKind: 'difference' }); // 12 − 6
  expect(byId(h, 'mean_gt')).toMatchObject({ change: 1, changeKind: 'difference' }); // 2 − 1
  expect(byId(h, 'change_dv')).toMatchObject({ change: 6, changeKind: 'difference' }); // 8 − 2
  expect(byId(h, 'manual_pb')).toMatchObject({ change: 0, changeKind: 'difference' });

  // Per unit, the years it met each per-unit indicator (from the ✓ above).
  expect(h.perUnitIds).toEqual(['ratio_ht', 'threshold_sk', 'share_kh']);
  expect(h.units.map((u) => [u.code, u.met])).toEqual([
    ['CD001', { ratio_ht: [2023, 2024], threshold_sk: [2023, 2024], share_kh: [2022, 2023, 2024] }],
    ['CD002', { ratio_ht: [2022, 2023, 2024], threshold_sk: [2022, 2024], share_kh: [2023, 2024] }],
    ['CD003', { ratio_ht: [2024], threshold_sk: [2022, 2023, 2024], share_kh: [2022, 2023] }],
  ]);
  expect(h.units.every((u) => u.years.join() === '2022,2023,2024')).toBe(true);
}

describe('history: every indicator kind over three years', () => {
  it('from one table whose Năm column holds 2022–2024', () => {
    const grid = multiYear();
    const { history, notices } = historyOf([{ grid }], { targetSet: ALL_KINDS, today: TODAY });
    expect(notices).toEqual([]);
    expectWorkedExample(history!);
    expect(history!.sources).toEqual(['sheet "Dữ liệu CĐCS"', 'sheet "Dữ liệu CĐCS"', 'sheet "Dữ liệu CĐCS"']);
  });

  it('from three yearly tables, each year found in its title', () => {
    const sources = [2024, 2022, 2023].map((y) => ({ grid: yearly(y), fileName: `so-lieu-${y === 2024 ? 'moi' : 'cu'}.xlsx` }));
    const { history } = historyOf(sources, { targetSet: ALL_KINDS, today: TODAY });
    expectWorkedExample(history!);
    expect(history!.sources[0]).toBe('tệp "so-lieu-cu.xlsx", sheet "Số liệu"');
  });

  it('each year is exactly what check --year YYYY reports on that sheet', () => {
    // With a part above its total (A's 2023 sáng kiến 99 > 22 đoàn viên): a problem every year's check reports.
    const base = multiYear();
    const col = base.rows[0].indexOf('Số ĐV đăng ký sáng kiến, giải pháp');
    const grid = { ...base, rows: base.rows.map((r, i) => (i === 4 ? r.map((v, c) => (c === col ? 99 : v)) : r)) };
    const { years } = checkYears([{ grid }], { targetSet: ALL_KINDS, today: TODAY });
    for (const y of years) {
      const alone = checkSheet(grid, { targetSet: ALL_KINDS, year: y.year, today: TODAY });
      if (!alone.ok) throw new Error(alone.error.message);
      expect(y.result.indicators).toEqual(alone.value.indicators);
      expect(y.result.units).toEqual(alone.value.units);
      expect(y.result.problems).toEqual(alone.value.problems);
      expect(y.result.problems.filter((p) => p.rule === 'exceeds_total').map((p) => p.cell)).toEqual([`${String.fromCharCode(65 + col)}5`]);
    }
    // The current run's check (latest year, 2024) hands its rows on for the other years.
    const { outcome, otherYears } = checkSheetAndYears(grid, { targetSet: ALL_KINDS, today: TODAY });
    expect(outcome.ok && outcome.value.year).toBe(2024);
    const y2022 = otherYears!([2022]).get(2022)!;
    const alone = checkSheet(grid, { targetSet: ALL_KINDS, year: 2022, today: TODAY });
    expect(y2022).toEqual(alone);
    // One year: nothing kept.
    expect(checkSheetAndYears(yearly(2023), { targetSet: ALL_KINDS, today: TODAY }).otherYears).toBeUndefined();
  });

  it('the JSON history block: per indicator, per year, actual, the target of that year and the status', () => {
    const { history } = historyOf([{ grid: multiYear() }], { targetSet: ALL_KINDS, today: TODAY });
    const json = historyJson(history!);
    expect(json.map((j) => j.id)).toEqual(ALL_KINDS.indicators.map((i) => i.id));
    // threshold_sk: 2/3 against 50% in 2022, 2/3 against 100% in 2023, 3/3 against 100% in 2024.
    expect(json[1]).toEqual({
      id: 'threshold_sk',
      years: [
        { year: 2022, actual: 2 / 3, target: 0.5, status: 'DAT' },
        { year: 2023, actual: 2 / 3, target: 1, status: 'CHUA_DAT' },
        { year: 2024, actual: 1, target: 1, status: 'DAT' },
      ],
    });
    // count_kht: target ≤ 0 is written 0.
    expect(json[3].years.map((y) => [y.actual, y.target])).toEqual([[1, 0], [0, 0], [0, 0]]);
  });

  it('one year only: no history', () => {
    const { history } = historyOf([{ grid: yearly(2023) }], { targetSet: ALL_KINDS, today: TODAY });
    expect(history).toBeUndefined();
    expect(buildHistory([])).toBeUndefined();
  });

  it('a year held by two sources is taken from the first, and said so', () => {
    const { history, notices } = historyOf([{ grid: multiYear() }, { grid: yearly(2023), fileName: 'nam-2023.xlsx' }], { targetSet: ALL_KINDS, today: TODAY });
    expect(history!.years).toEqual([2022, 2023, 2024]);
    expect(notices).toEqual(['Năm 2023 có trong cả sheet "Dữ liệu CĐCS" và tệp "nam-2023.xlsx", sheet "Số liệu": dùng số liệu của sheet "Dữ liệu CĐCS".']);
  });

  it('a source without a table is left out with a notice', () => {
    const { history, notices } = historyOf([{ grid: multiYear() }, { grid: { name: 'Trống', rows: [['ghi chú']] }, fileName: 'x.xlsx' }], { targetSet: ALL_KINDS, today: TODAY });
    expect(history!.years).toEqual([2022, 2023, 2024]);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/^Bỏ qua tệp "x.xlsx", sheet "Trống" khi so sánh các năm: /);
  });
});

describe('history of hy-cdgd-nq02: year-dependent targets and windows', () => {
  const set = findPreset('hy-cdgd-nq02')!;
  const keys = ['ma_don_vi', 'ten_don_vi', 'khu_vuc', 'nam', 'tuldtt', 'vu_viec_tu_van', 'vu_viec_dai_dien', 'dv_ket_nap_moi'];
  // [tuldtt, tu_van, dai_dien, ket_nap] for units X and Y (both ngoài nhà nước).
  const data: Record<number, [string, number, number, number][]> = {
    2023: [[C, 10, 7, 30], [K, 10, 6, 20]],
    2024: [[C, 10, 6, 40], [C, 10, 7, 30]],
    2026: [[C, 10, 8, 100], [K, 10, 7, 90]],
  };
  const row = (year: number | undefined, i: number, d: [string, number, number, number]): Record<string, RawCell> => ({
    ma_don_vi: i === 0 ? 'X' : 'Y',
    ten_don_vi: i === 0 ? 'CĐCS X' : 'CĐCS Y',
    khu_vuc: KV_NNN,
    ...(year !== undefined ? { nam: year } : {}),
    tuldtt: d[0],
    vu_viec_tu_van: d[1],
    vu_viec_dai_dien: d[2],
    dv_ket_nap_moi: d[3],
  });
  const years = [2023, 2024, 2026];

  /**
   * tuldtt_nnn (share of NNN units with a TƯLĐTT): 2023 1/2 = 50% against "by 2023 ≥ 100%" → Chưa đạt;
   * 2024 2/2 = 100% against "by 2025 ≥ 80%" → Đạt; 2026 1/2 = 50% against "by 2030 ≥ 85%" → Chưa đạt.
   * dai_dien_tu_van: 2023 13/20 = 65% against "by 2023 ≥ 65%" → Đạt (exactly at the boundary);
   * 2024 13/20 = 65% against "by 2025 ≥ 68%" → Chưa đạt; 2026 15/20 = 75% against "by 2030 ≥ 75%" → Đạt.
   */
  function expectYearTargets(h: History): void {
    expect(h.years).toEqual(years);
    const t = (id: string) => byId(h, id).points.map((p) => toNumber(p.result.target.value));
    expect(t('tuldtt_nnn')).toEqual([1, 0.8, 0.85]);
    expect(byId(h, 'tuldtt_nnn').points.map((p) => [p.result.actual, p.result.status])).toEqual([[0.5, 'CHUA_DAT'], [1, 'DAT'], [0.5, 'CHUA_DAT']]);
    expect(t('dai_dien_tu_van')).toEqual([0.65, 0.68, 0.75]);
    expect(byId(h, 'dai_dien_tu_van').points.map((p) => [p.result.actual, p.result.status])).toEqual([[0.65, 'DAT'], [0.65, 'CHUA_DAT'], [0.75, 'DAT']]);
    expect(byId(h, 'dai_dien_tu_van').change).toBeCloseTo(0.1, 12); // 75% − 65% = 10 points
    // Per unit, tuldtt_nnn met (Có): X every year, Y in 2024.
    expect(h.units.map((u) => [u.code, u.met.tuldtt_nnn])).toEqual([['X', years], ['Y', [2024]]]);
  }

  it('one table holding 2023, 2024 and 2026: a window counts every row of its years the table holds, in every year', () => {
    const grid = table({ keys, rows: years.flatMap((y) => data[y].map((d, i) => row(y, i, d))) });
    const h = historyOf([{ grid }], { targetSet: set, today: TODAY }).history!;
    expectYearTargets(h);
    // ket_nap_2021_2023: the 2023 rows, 30 + 20 = 50 < 120 → Chưa đạt, whatever the run's year.
    // ket_nap_2021_2025: 2023 and 2024 rows, 50 + 70 = 120 < 250 → Chưa đạt.
    // ket_nap_2026_2030: the 2026 rows, 100 + 90 = 190 < 300 → Chưa đạt.
    const w = (id: string) => byId(h, id).points.map((p) => [p.result.actual, p.result.status, p.result.years?.present]);
    expect(w('ket_nap_2021_2023')).toEqual(years.map(() => [50, 'CHUA_DAT', [2023]]));
    expect(w('ket_nap_2021_2025')).toEqual(years.map(() => [120, 'CHUA_DAT', [2023, 2024]]));
    expect(w('ket_nap_2026_2030')).toEqual(years.map(() => [190, 'CHUA_DAT', [2026]]));
    expect(byId(h, 'ket_nap_2021_2025')).toMatchObject({ change: 0, changeKind: 'difference' });
  });

  it('three yearly files: each window holds only the rows of its file', () => {
    const sources = years.map((y) => ({
      grid: table({ name: `Năm ${y}`, keys: keys.filter((k) => k !== 'nam'), rows: data[y].map((d, i) => row(undefined, i, d)) }),
      fileName: `bao-cao-${y}.xlsx`,
    }));
    const h = historyOf(sources, { targetSet: set, today: TODAY }).history!;
    expectYearTargets(h);
    // 2023 file: 2021–2023 and 2021–2025 hold its 50; 2026–2030 has none of its years → Thiếu dữ liệu.
    // 2024 file: 2021–2023 none → Thiếu dữ liệu; 2021–2025: 40 + 30 = 70; 2026–2030 none.
    // 2026 file: only 2026–2030: 100 + 90 = 190 < 300 → Chưa đạt.
    const w = (id: string) => byId(h, id).points.map((p) => [p.result.actual ?? null, p.result.status]);
    expect(w('ket_nap_2021_2023')).toEqual([[50, 'CHUA_DAT'], [null, 'THIEU_DU_LIEU'], [null, 'THIEU_DU_LIEU']]);
    expect(w('ket_nap_2021_2025')).toEqual([[50, 'CHUA_DAT'], [70, 'CHUA_DAT'], [null, 'THIEU_DU_LIEU']]);
    expect(w('ket_nap_2026_2030')).toEqual([[null, 'THIEU_DU_LIEU'], [null, 'THIEU_DU_LIEU'], [190, 'CHUA_DAT']]);
    // No change when the first or the last year has no figure.
    expect(byId(h, 'ket_nap_2021_2023').change).toBeUndefined();
    expect(byId(h, 'ket_nap_2026_2030').change).toBeUndefined();
  });
});
