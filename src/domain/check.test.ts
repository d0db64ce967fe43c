/**
 * One test per built-in target set, on a small table built here. Every expected value is worked
 * out by hand in the comments (Σ, shares and boundaries), never copied from the engine's output.
 */
import { checkSheet } from './check';
import type { RawCell } from './grid';
import { findPreset } from './presets';
import type { CheckResult } from './result';
import type { Status } from './status';
import { table, units } from '../../test/support/table';

const C = 'Có';
const K = 'Không';
const HTT = 'Hoàn thành tốt nhiệm vụ';
const HTXS = 'Hoàn thành xuất sắc nhiệm vụ';
const HT = 'Hoàn thành nhiệm vụ';

function run(presetId: string, keys: string[], rows: Record<string, RawCell>[], year?: number): CheckResult {
  const set = findPreset(presetId)!;
  const out = checkSheet(table({ keys, rows }), { targetSet: set, year, today: new Date(2026, 10, 21) });
  if (!out.ok) throw new Error(out.error.message);
  return out.value;
}

function statuses(r: CheckResult): Record<string, Status> {
  return Object.fromEntries(r.indicators.map((i) => [i.id, i.status]));
}

function indicator(r: CheckResult, id: string) {
  const found = r.indicators.find((i) => i.id === id);
  if (!found) throw new Error(`no indicator ${id}`);
  return found;
}

const errors = (r: CheckResult) => r.problems.filter((p) => p.severity === 'error');

describe('bd-cdvc-2024 (06/CTr-CĐVC)', () => {
  const keys = ['ma_don_vi', 'ten_don_vi', 'khu_vuc', 'nam', 'co_ke_hoach', 'dang_ky_thi_dua', 'xep_loai', 'so_ld_du_dk', 'so_dv', 'phat_dong_cds', 'dv_sang_kien', 'dang_ky_vh', 'dat_chuan_vh'];
  // 20 units, each with 20 eligible workers and 20 members, 3 members with initiatives (3/20 = 15%).
  const base = units(20, (i) => ({
    nam: 2024,
    co_ke_hoach: C,
    dang_ky_thi_dua: i === 0 ? K : C, // 19 of 20
    xep_loai: i % 3 === 0 ? HTXS : i % 3 === 1 ? HTT : HT,
    so_ld_du_dk: 20,
    so_dv: i === 1 ? 19 : 20, // unit 2 (row 3) covers 19/20
    phat_dong_cds: C,
    dv_sang_kien: 3,
    dang_ky_vh: C,
    dat_chuan_vh: i === 5 ? K : C, // 19 of 20
  }));

  it('computes every indicator with exact boundaries', () => {
    const r = run('bd-cdvc-2024', keys, base);
    expect(r.year).toBe(2024);
    expect(errors(r)).toEqual([]);
    expect(statuses(r)).toEqual({
      co_ke_hoach: 'DAT', // 20/20 = 100% ≥ 100%
      dang_ky_thi_dua: 'CHUA_DAT', // 19/20 = 95% < 100%
      khong_kht: 'DAT', // no KHT: 0 ≤ 0
      bao_phu_dv: 'CHUA_DAT', // Σ so_dv = 19·20 + 19 = 399, Σ eligible = 400 → 99,75% < 100%
      phat_dong_cds: 'DAT',
      sang_kien_15: 'DAT', // every unit: 3/20 = 15% ≥ 15% (boundary), unit 2: 3/19 ≈ 15,8% → 20/20 units
      dang_ky_vh: 'DAT',
      dat_chuan_vh: 'DAT', // 19/20 = 95% ≥ 95% (boundary)
    });
    expect(indicator(r, 'bao_phu_dv')).toMatchObject({ numerator: 399, denominator: 400, inScope: 20, reported: 20 });
    expect(indicator(r, 'bao_phu_dv').failingUnits).toEqual([{ row: 3, code: 'CD002', name: 'CĐCS số 2' }]);
    expect(indicator(r, 'sang_kien_15')).toMatchObject({ numerator: 20, denominator: 20, actual: 1 });
    expect(indicator(r, 'dat_chuan_vh')).toMatchObject({ numerator: 19, denominator: 20 });
    // Per-unit columns: row 2 (unit 1) did not register for emulation.
    expect(r.units[0].status).toMatchObject({ dang_ky_thi_dua: 'CHUA_DAT', bao_phu_dv: 'DAT', sang_kien_15: 'DAT' });
    expect(r.units[1].status).toMatchObject({ bao_phu_dv: 'CHUA_DAT' });
  });

  it('one unit below 15% initiatives makes sang_kien_15 fail; a KHT unit fails khong_kht', () => {
    const rows = base.map((u, i) => (i === 2 ? { ...u, dv_sang_kien: 2 } : i === 3 ? { ...u, xep_loai: 'Không hoàn thành nhiệm vụ' } : u));
    const r = run('bd-cdvc-2024', keys, rows);
    // 2/20 = 10% < 15% → 19 of 20 units meet → 95% < 100%
    expect(indicator(r, 'sang_kien_15')).toMatchObject({ numerator: 19, denominator: 20, status: 'CHUA_DAT' });
    expect(indicator(r, 'sang_kien_15').failingUnits.map((u) => u.row)).toEqual([4]);
    // one KHT: 1 > 0
    expect(indicator(r, 'khong_kht')).toMatchObject({ actual: 1, status: 'CHUA_DAT' });
  });
});

describe('bd-cdvc-nq02 (Kế hoạch thực hiện NQ 02-NQ/TW)', () => {
  const keys = ['ma_don_vi', 'ten_don_vi', 'khu_vuc', 'nam', 'tong_so_ld', 'so_ld_du_dk', 'so_dv', 'trien_khai_hoc_tap', 'dv_hoc_tap', 'hoi_nghi_cbcc', 'dv_uu_dai', 'dv_kho_khan', 'dv_kho_khan_tham_hoi', 'dv_vhtt', 'co_to_chuc_dang', 'dv_gioi_thieu_dang', 'xep_loai', 'kp_thu', 'kp_su_dung', 'cong_khai_tc', 'kiem_tra_tc'];
  const rows = units(20, (i) => ({
    nam: 2024,
    tong_so_ld: 25,
    so_ld_du_dk: 20,
    so_dv: 20,
    trien_khai_hoc_tap: C,
    dv_hoc_tap: 19, // 19 of 20 members in every unit: Σ 380 / 400 = 95%
    hoi_nghi_cbcc: C,
    dv_uu_dai: 4, // 80 / 400 = 20%
    dv_kho_khan: 2,
    dv_kho_khan_tham_hoi: i === 2 ? 1 : 2, // 39 / 40
    dv_vhtt: 15, // 300 / 500 = 60%
    co_to_chuc_dang: i < 10 ? C : K,
    dv_gioi_thieu_dang: i < 10 ? 1 : 0, // mean over the 10 with a party cell: 10/10 = 1
    xep_loai: i === 7 ? HT : HTT, // 19 of 20 HTT+
    kp_thu: 100_000_000,
    kp_su_dung: 75_000_000, // exactly 75% in every unit
    cong_khai_tc: C,
    kiem_tra_tc: i % 2 === 0 ? C : K, // 10 of 20
  }));

  it('computes every indicator; 95% does not meet "> 95%"', () => {
    const r = run('bd-cdvc-nq02', keys, rows);
    expect(errors(r)).toEqual([]);
    expect(statuses(r)).toEqual({
      trien_khai_hoc_tap: 'DAT',
      hoc_tap_dv: 'CHUA_DAT', // 380/400 = 95%, not > 95%
      hoi_nghi_cbcc: 'DAT',
      uu_dai: 'DAT', // 20% ≥ 20%
      tham_hoi: 'CHUA_DAT', // 39/40 < 100%
      vhtt: 'CHUA_DAT', // 60% < 75%
      ket_nap: 'DAT', // 400/400
      gioi_thieu_dang: 'DAT', // mean 1 ≥ 1
      htt_tro_len: 'DAT', // 19/20 = 95% ≥ 95%
      khong_kht: 'DAT',
      su_dung_kp: 'DAT', // 75% ≥ 75%
      cong_khai_tc: 'DAT',
      kiem_tra_tc: 'CHUA_DAT', // 50%
    });
    expect(indicator(r, 'hoc_tap_dv')).toMatchObject({ numerator: 380, denominator: 400 });
    expect(indicator(r, 'gioi_thieu_dang')).toMatchObject({ numerator: 10, denominator: 10, inScope: 10 });
    // 20 · 75.000.000 = 1.500.000.000 of 20 · 100.000.000 = 2.000.000.000
    expect(indicator(r, 'su_dung_kp')).toMatchObject({ numerator: 1_500_000_000, denominator: 2_000_000_000, actual: 0.75 });
  });
});

describe('bt-ldld-2024 (02/CTr-LĐLĐ), CĐCS and CĐ cấp trên rows', () => {
  const keys = ['ma_don_vi', 'ten_don_vi', 'cap', 'khu_vuc', 'nam', 'tong_so_ld', 'so_dv_dau_ky', 'so_dv', 'dv_ket_nap_moi', 'dv_hoc_tap', 'ld_hoc_nghe', 'cdcs_moi', 'dv_gioi_thieu_dang', 'chu_tich_bau_moi', 'chu_tich_dao_tao', 'xep_loai', 'nha_mai_am', 'ho_ngheo_dau_ky', 'ho_ngheo_cuoi_ky', 'kiem_tra_tc', 'tu_kiem_tra_tc', 'kiem_tra_dieu_le', 'don_thu', 'don_thu_giai_quyet', 'chu_ky_so'];
  // Units 0–5: CĐCS Nhà nước; 6–9: CĐCS Ngoài nhà nước; 10–11: CĐ cấp trên.
  const rows = units(12, (i) => {
    const ct = i >= 10;
    return {
      cap: ct ? 'CĐ cấp trên' : 'CĐCS',
      khu_vuc: i >= 6 && i <= 9 ? 'Ngoài nhà nước' : 'Nhà nước',
      nam: 2024,
      tong_so_ld: 1000,
      so_dv_dau_ky: 600,
      so_dv: 950,
      dv_ket_nap_moi: 900, // CĐ cấp trên rows too, but the indicator counts CĐCS only
      dv_hoc_tap: 900,
      ld_hoc_nghe: i === 9 ? 690 : 700,
      cdcs_moi: i < 3 ? C : K,
      dv_gioi_thieu_dang: 1,
      chu_tich_bau_moi: i < 2 ? C : K,
      chu_tich_dao_tao: i < 2 ? C : null,
      xep_loai: ct ? (i === 10 ? HTT : HT) : i < 6 ? (i === 0 ? HT : HTT) : i < 8 ? HTXS : HT,
      nha_mai_am: ct ? 5 : 2,
      ho_ngheo_dau_ky: 100,
      ho_ngheo_cuoi_ky: 94,
      kiem_tra_tc: ct ? (i === 10 ? C : K) : i === 0 ? C : K,
      tu_kiem_tra_tc: ct ? C : null,
      kiem_tra_dieu_le: K,
      don_thu: 2,
      don_thu_giai_quyet: 2,
      chu_ky_so: 250,
    };
  });

  it('computes every indicator with level, sector and all-levels scopes', () => {
    const r = run('bt-ldld-2024', keys, rows);
    expect(errors(r)).toEqual([]);
    expect(statuses(r)).toEqual({
      tuyen_truyen: 'DAT', // CĐCS: 10·900 / 10·1000 = 90%, range 90–95% met at its lower end
      hoc_nghe_dn: 'CHUA_DAT', // NNN: (3·700 + 690) / 4000 = 2790/4000 = 69,75% < 70%
      phat_trien_dv: 'DAT', // CĐCS: 10 · 900 = 9000 ≥ 9000
      tang_dv: 'DAT', // CĐCS: 10 · (950 − 600) = 3500 ≥ 3500
      cdcs_moi: 'CHUA_DAT', // 3 < 20
      gioi_thieu_dang: 'DAT', // mean 1
      dao_tao_chu_tich: 'DAT', // 2 newly elected chairs, both trained
      cap_tren_htt: 'CHUA_DAT', // CT: 1 of 2 HTT+ = 50% < 85%
      htt_nn: 'DAT', // CĐCS NN: 5 of 6 = 83,3% ≥ 82% (500 ≥ 492)
      htt_nnn: 'CHUA_DAT', // CĐCS NNN: 2 of 4 = 50% < 60%
      mai_am: 'DAT', // all levels: 10·2 + 2·5 = 30 ≥ 30
      giam_ho_ngheo: 'DAT', // all levels: (1200 − 1128) / 1200 = 6%, range 6–10%
      kiem_tra_cap_tren: 'DAT', // CT: 1 of 2 = 50% ≥ 30%
      tu_kiem_tra_cap_tren: 'DAT', // CT: 2 of 2
      kiem_tra_tc_cdcs: 'DAT', // CĐCS: 1 of 10 = 10% ≥ 10% (boundary)
      giam_sat_dieu_le: 'CHUA_DAT', // 0 of 10 < 5%
      don_thu: 'DAT', // all levels: 24/24
      phan_bien: 'THIEU_DU_LIEU', // manual, nothing typed
      chu_ky_so: 'DAT', // all levels: 12 · 250 = 3000 ≥ 3000
    });
    expect(indicator(r, 'hoc_nghe_dn')).toMatchObject({ numerator: 2790, denominator: 4000, inScope: 4 });
    expect(indicator(r, 'giam_ho_ngheo')).toMatchObject({ numerator: 72, denominator: 1200, inScope: 12 });
    expect(indicator(r, 'htt_nn')).toMatchObject({ numerator: 5, denominator: 6 });
    expect(indicator(r, 'dao_tao_chu_tich')).toMatchObject({ inScope: 2, reported: 2 });
    expect(indicator(r, 'tang_dv')).toMatchObject({ actual: 3500 });
  });
});

describe('cdgd-ct1-2024 (348/QĐ-CĐN)', () => {
  const keys = ['ma_don_vi', 'ten_don_vi', 'khu_vuc', 'nam', 'can_bo_cd', 'can_bo_tap_huan', 'quy_hoach_cb', 'danh_gia_uy_vien', 'xep_loai'];
  const rows = units(10, (i) => ({
    khu_vuc: i < 5 ? 'Nhà nước' : 'Ngoài nhà nước',
    nam: 2024,
    can_bo_cd: 5,
    can_bo_tap_huan: i === 0 ? 4 : 5,
    quy_hoach_cb: C,
    danh_gia_uy_vien: i === 9 ? null : C,
    xep_loai: i < 5 ? (i === 4 ? HT : HTT) : i < 8 ? HTT : HT,
  }));

  it('computes every indicator; a blank needed cell is reported and not counted', () => {
    const r = run('cdgd-ct1-2024', keys, rows);
    expect(statuses(r)).toEqual({
      tap_huan_can_bo: 'CHUA_DAT', // (4 + 9·5) / 50 = 49/50 < 100%
      quy_hoach_cb: 'DAT',
      danh_gia_uy_vien: 'DAT', // 9 of the 9 that answered; the 10th is blank
      htt_nn: 'CHUA_DAT', // 4 of 5 = 80% < 90%
      htt_nnn: 'DAT', // 3 of 5 = 60% ≥ 55%
    });
    expect(indicator(r, 'danh_gia_uy_vien')).toMatchObject({ inScope: 10, reported: 9 });
    expect(indicator(r, 'tap_huan_can_bo').failingUnits.map((u) => u.code)).toEqual(['CD001']);
    expect(errors(r).map((p) => [p.rule, p.cell])).toEqual([['required_missing', 'H11']]);
    expect(r.units[9].errorCount).toBe(1);
  });
});

describe('hy-cdgd-nq02 (04/CTrHĐ-CĐN), several years in one workbook', () => {
  const keys = ['ma_don_vi', 'ten_don_vi', 'khu_vuc', 'nam', 'dv_ket_nap_moi', 'tuldtt', 'vu_viec_tu_van', 'vu_viec_dai_dien', 'doi_thoai'];
  // 2021 and 2022: 2 units each with 30 new members; 2024: 5 NNN units with 20 new members each.
  const old = [2021, 2022].flatMap((y) =>
    units(2, (i) => ({ ma_don_vi: `CD${y}${i}`, khu_vuc: 'Ngoài nhà nước', nam: y, dv_ket_nap_moi: 30, tuldtt: C, vu_viec_tu_van: 1, vu_viec_dai_dien: 0, doi_thoai: C })),
  );
  const now = units(5, (i) => ({
    khu_vuc: 'Ngoài nhà nước',
    nam: 2024,
    dv_ket_nap_moi: 20,
    tuldtt: i === 0 ? K : C,
    vu_viec_tu_van: 5,
    vu_viec_dai_dien: i < 2 ? 4 : 3,
    doi_thoai: i < 4 ? C : K,
  }));

  it('year windows, year-dependent targets and the run year', () => {
    const r = run('hy-cdgd-nq02', keys, [...old, ...now], 2024);
    const s = statuses(r);
    // 2021–2023: 2021 and 2022 rows: 4 · 30 = 120 ≥ 120
    expect(s.ket_nap_2021_2023).toBe('DAT');
    expect(indicator(r, 'ket_nap_2021_2023')).toMatchObject({ actual: 120, years: { from: 2021, to: 2023, present: [2021, 2022] } });
    // 2021–2025: 120 + 5 · 20 = 220 < 250
    expect(indicator(r, 'ket_nap_2021_2025')).toMatchObject({ actual: 220, status: 'CHUA_DAT' });
    // 2026–2030: no row of those years
    expect(indicator(r, 'ket_nap_2026_2030')).toMatchObject({ status: 'THIEU_DU_LIEU', years: { present: [] } });
    // tuldtt_nnn in 2024 uses "by 2025: ≥ 80%": 4 of 5 NNN units of 2024 = 80% → Đạt
    expect(indicator(r, 'tuldtt_nnn')).toMatchObject({ numerator: 4, denominator: 5, status: 'DAT', target: { comparator: '>=', value: { n: 4, d: 5 } } });
    // dai_dien_tu_van in 2024 uses "by 2025: ≥ 68%": (2·4 + 3·3) / 25 = 17/25 = 68% → Đạt
    expect(indicator(r, 'dai_dien_tu_van')).toMatchObject({ numerator: 17, denominator: 25, status: 'DAT' });
    // doi_thoai_nnn ≥ 90%: 4 of 5 = 80% → Chưa đạt (only 2024 rows count)
    expect(indicator(r, 'doi_thoai_nnn')).toMatchObject({ numerator: 4, denominator: 5, status: 'CHUA_DAT' });
    // A multi-year set raises no year_mismatch for the older rows.
    expect(r.problems.filter((p) => p.rule === 'year_mismatch')).toEqual([]);
  });

  it('the same data in 2023 takes the "by 2023" targets', () => {
    const shifted = [...old, ...now.map((u) => ({ ...u, nam: 2023 }))];
    const r = run('hy-cdgd-nq02', keys, shifted, 2023);
    // tuldtt_nnn by 2023: ≥ 100%; 4/5 → Chưa đạt. dai_dien_tu_van by 2023: ≥ 65%; 68% → Đạt.
    expect(indicator(r, 'tuldtt_nnn').status).toBe('CHUA_DAT');
    expect(indicator(r, 'dai_dien_tu_van').status).toBe('DAT');
    // 2021–2023 now holds 120 + 100 = 220
    expect(indicator(r, 'ket_nap_2021_2023')).toMatchObject({ actual: 220, years: { present: [2021, 2022, 2023] } });
  });
});
