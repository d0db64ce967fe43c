import type { RawCell } from './grid';
import { mergeReturns } from './merge';
import { findPreset } from './presets';
import { table, units } from '../../test/support/table';

const set = findPreset('cdgd-ct1-2024')!;
// cdgd-ct1-2024 reads: ma_don_vi, ten_don_vi, khu_vuc, nam, can_bo_cd, can_bo_tap_huan, quy_hoach_cb, danh_gia_uy_vien, xep_loai
const KEYS = ['ma_don_vi', 'ten_don_vi', 'khu_vuc', 'nam', 'can_bo_cd', 'can_bo_tap_huan', 'quy_hoach_cb', 'danh_gia_uy_vien', 'xep_loai'];
const ret = (rows: Record<string, RawCell>[]) => table({ keys: KEYS, rows });
const row = (code: string, tapHuan: number) => ({ ma_don_vi: code, ten_don_vi: `CĐCS ${code}`, khu_vuc: 'Nhà nước', nam: 2024, can_bo_cd: 5, can_bo_tap_huan: tapHuan, quy_hoach_cb: 'Có', danh_gia_uy_vien: 'Có', xep_loai: 'HTT' });

describe('mergeReturns into an existing master table', () => {
  const first = mergeReturns(
    [
      { file: 'a.xlsx', sheets: [ret([row('A', 5), row('B', 4)])] },
      { file: 'c.xlsx', sheets: [ret([row('C', 3)])] },
    ],
    { targetSet: set },
  );
  const master = first.master;

  it('the master carries Nguồn: file and row', () => {
    expect(master.rows.map((r) => r[r.length - 1])).toEqual(['Nguồn', 'a.xlsx, dòng 2', 'a.xlsx, dòng 3', 'c.xlsx, dòng 2']);
  });

  it('importing a return already in the master changes nothing', () => {
    const again = mergeReturns([{ file: 'Dữ liệu CĐCS', sheets: [master] }, { file: 'c-lan-2.xlsx', sheets: [ret([row('C', 3)])] }], { targetSet: set });
    expect(again.files.map((f) => f.status)).toEqual(['accepted', 'duplicate']);
    expect(again.files[1].reason).toContain('Dữ liệu CĐCS');
    expect(again.master.rows).toEqual(master.rows);
  });

  it('a corrected return replaces its unit in place, with its own Nguồn', () => {
    const fixed = mergeReturns([{ file: 'Dữ liệu CĐCS', sheets: [master] }, { file: 'b-sua.xlsx', sheets: [ret([row('B', 5)])] }], { targetSet: set });
    expect(fixed.files.map((f) => [f.status, f.units])).toEqual([
      ['accepted', 2],
      ['accepted', 1],
    ]);
    expect(fixed.files[0].reason).toContain('b-sua.xlsx');
    // B stays second; its can_bo_tap_huan is now 5 and its source the corrected file.
    expect(fixed.master.rows.slice(1).map((r) => [r[0], r[5], r[r.length - 1]])).toEqual([
      ['A', 5, 'a.xlsx, dòng 2'],
      ['B', 5, 'b-sua.xlsx, dòng 2'],
      ['C', 3, 'c.xlsx, dòng 2'],
    ]);
  });

  it('the same code twice inside one return keeps both rows (the check reports duplicate_unit)', () => {
    const m = mergeReturns([{ file: 'x.xlsx', sheets: [ret(units(2, () => ({ ma_don_vi: 'D', nam: 2024 })))] }], { targetSet: set });
    expect(m.master.rows).toHaveLength(3);
  });
});

describe('mergeReturns: year and money units of a return (layouts.md)', () => {
  const kp = findPreset('hy-cdgd-nq02')!;
  it('a return without Năm takes its year from the file name; amounts in triệu đồng arrive in đồng', () => {
    // No title, sheet "Số liệu": the year comes from the file name "bao-cao-2023.xlsx".
    // Header (triệu đồng): 2,5 → 2.500.000 đồng; 1,2 → 1.200.000 (1,2 × 10^6 carries float noise).
    const grid = {
      name: 'Số liệu',
      rows: [
        ['Mã đơn vị', 'Tên đơn vị', 'Khu vực', 'Kinh phí công đoàn đã thu (triệu đồng)'],
        ['A', 'CĐCS A', 'Nhà nước', 2.5],
        ['B', 'CĐCS B', 'Nhà nước', '1,2'],
      ],
    };
    const m = mergeReturns([{ file: 'bao-cao-2023.xlsx', sheets: [grid] }], { targetSet: kp, today: new Date(2026, 10, 21) });
    const col = (key: string) => m.keys.indexOf(key);
    expect(m.master.rows.slice(1).map((r) => [r[col('ma_don_vi')], r[col('nam')], r[col('kp_thu')]])).toEqual([
      ['A', 2023, 2_500_000],
      ['B', 2023, 1_200_000],
    ]);
  });
});
