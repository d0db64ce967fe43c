/**
 * A small return for the pane's tests, checked against bd-cdvc-2024 (headers on row 1):
 *   row 2  CD01 — clean.
 *   row 3  CD02 — "co" in H3 and "HTT" in M3: two safe fixes (→ "Có", → "Hoàn thành tốt nhiệm vụ");
 *                 1/10 = 10% sáng kiến < 15% → sang_kien_15 Chưa đạt for this unit.
 *   row 4  CD03 — "Tốt lắm" in M4: invalid_choice (error); phat_dong_cds "Không".
 */
import { columnDef } from '../domain/catalog';
import type { RawCell, SheetGrid } from '../domain/grid';

export const FIXTURE_KEYS = [
  'ma_don_vi',
  'ten_don_vi',
  'khu_vuc',
  'nam',
  'so_ld_du_dk',
  'so_dv',
  'dv_sang_kien',
  'co_ke_hoach',
  'dang_ky_thi_dua',
  'phat_dong_cds',
  'dang_ky_vh',
  'dat_chuan_vh',
  'xep_loai',
] as const;

const ROWS: RawCell[][] = [
  ['CD01', 'CĐCS Trường A', 'Nhà nước', 2024, 20, 20, 3, 'Có', 'Có', 'Có', 'Có', 'Có', 'Hoàn thành tốt nhiệm vụ'],
  ['CD02', 'CĐCS Sở B', 'Nhà nước', 2024, 10, 10, 1, 'co', 'Có', 'Có', 'Có', 'Có', 'HTT'],
  ['CD03', 'CĐCS Bệnh viện C', 'Nhà nước', 2024, 10, 10, 2, 'Có', 'Có', 'Không', 'Có', 'Có', 'Tốt lắm'],
];

/** The data sheet "Số liệu" of the fixture. */
export function fixtureGrid(): SheetGrid {
  const header = FIXTURE_KEYS.map((k) => columnDef(k)?.header ?? k);
  return { name: 'Số liệu', rows: [header, ...ROWS.map((r) => [...r])] };
}
