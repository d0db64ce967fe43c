import { checkSheet } from './check';
import { findPreset } from './presets';
import { toJsonReport } from './report';
import { neededColumns, targetSetHint } from './targetSetMatch';
import { table } from '../../test/support/table';

const bd2024 = findPreset('bd-cdvc-2024')!;

/**
 * The columns bt-ldld-2024 reads (spec/indicators.md), without nam and cap, written out by hand:
 * 23 columns. The table below leaves out the last four (chu_ky_so, ho_ngheo_dau_ky,
 * ho_ngheo_cuoi_ky, nha_mai_am): 19/23 present.
 */
const BT_LDLD_KEYS = [
  'ma_don_vi', 'ten_don_vi', 'khu_vuc', 'tong_so_ld', 'so_dv_dau_ky', 'so_dv', 'dv_ket_nap_moi', 'dv_hoc_tap',
  'dv_gioi_thieu_dang', 'ld_hoc_nghe', 'don_thu', 'don_thu_giai_quyet', 'cdcs_moi', 'kiem_tra_tc', 'tu_kiem_tra_tc',
  'kiem_tra_dieu_le', 'chu_tich_bau_moi', 'chu_tich_dao_tao', 'xep_loai',
  'chu_ky_so', 'ho_ngheo_dau_ky', 'ho_ngheo_cuoi_ky', 'nha_mai_am',
];
const TABLE_KEYS = BT_LDLD_KEYS.slice(0, 19);

describe('targetSetHint', () => {
  it('counts the columns a set needs without nam and cap', () => {
    // bd-cdvc-2024: ma_don_vi, ten_don_vi, khu_vuc + 9 columns its 8 indicators read = 12.
    expect(neededColumns(bd2024)).toHaveLength(12);
    expect([...neededColumns(findPreset('bt-ldld-2024')!)].sort()).toEqual([...BT_LDLD_KEYS].sort());
  });

  it('a bt-ldld-2024 table checked against bd-cdvc-2024 names bt-ldld-2024', () => {
    // Of bd-cdvc-2024's 12 columns the table has ma_don_vi, ten_don_vi, khu_vuc, so_dv, xep_loai: 7 missing > 6.
    // Best: bt-ldld-2024 with 19/23 ≈ 83% (cdgd-ct1-2024 4/8 = 50%, bd-cdvc-nq02 9/20, hy-cdgd-nq02 8/22).
    const hint = targetSetHint(bd2024, new Set(TABLE_KEYS));
    expect(hint).toEqual({
      setId: 'bd-cdvc-2024',
      missing: 7,
      needed: 12,
      best: { id: 'bt-ldld-2024', present: 19, needed: 23 },
      message: 'Bảng thiếu 7/12 cột của bộ bd-cdvc-2024. Bảng này khớp nhất với bộ bt-ldld-2024 (19/23 cột).',
    });
  });

  it('only the identity columns: the small cdgd-ct1-2024 fits best (3/8)', () => {
    // bd-cdvc-2024 3/12 = 25%; cdgd-ct1-2024 3/8 = 37,5% is the largest share.
    expect(targetSetHint(bd2024, new Set(['ma_don_vi', 'ten_don_vi', 'khu_vuc']))?.message).toBe(
      'Bảng thiếu 9/12 cột của bộ bd-cdvc-2024. Bảng này khớp nhất với bộ cdgd-ct1-2024 (3/8 cột).',
    );
  });

  it('no hint when at most half is missing', () => {
    // 6 of 12 present: exactly half missing is not "more than half".
    const half = ['ma_don_vi', 'ten_don_vi', 'khu_vuc', 'so_ld_du_dk', 'so_dv', 'xep_loai'];
    expect(targetSetHint(bd2024, new Set(half))).toBeUndefined();
  });

  it('no better set: the hint says to check the header row', () => {
    // Only ma_don_vi, cdgd-ct1-2024 chosen: 1/8 = 12,5%; every other set has 1 of its 12 to 23
    // columns, a smaller share → no set is named.
    const hint = targetSetHint(findPreset('cdgd-ct1-2024')!, new Set(['ma_don_vi']));
    expect(hint?.best).toBeUndefined();
    expect(hint?.message).toContain('Bảng thiếu 7/8 cột của bộ cdgd-ct1-2024. Không bộ có sẵn nào khớp hơn');
  });

  it('the check still runs and carries the hint into the JSON', () => {
    const grid = table({ keys: TABLE_KEYS, rows: [{ ma_don_vi: 'A', ten_don_vi: 'CĐCS A', khu_vuc: 'Nhà nước', so_dv: 10, xep_loai: 'HTT' }] });
    const out = checkSheet(grid, { targetSet: bd2024, year: 2024 });
    if (!out.ok) throw new Error(out.error.message);
    expect(out.value.indicators).toHaveLength(8);
    expect(toJsonReport(out.value).targetSetHint).toEqual({
      missing: 7,
      needed: 12,
      best: { preset: 'bt-ldld-2024', present: 19, needed: 23 },
      message: 'Bảng thiếu 7/12 cột của bộ bd-cdvc-2024. Bảng này khớp nhất với bộ bt-ldld-2024 (19/23 cột).',
    });
  });
});
