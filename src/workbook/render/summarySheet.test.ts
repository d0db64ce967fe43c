import { checkSheet } from '../../domain/check';
import { findPreset } from '../../domain/presets';
import { table, units } from '../../../test/support/table';
import { FAILING_LISTED, renderSummarySheet } from './summarySheet';

function summaryTexts(n: number): string[][] {
  const keys = ['ma_don_vi', 'ten_don_vi', 'khu_vuc', 'nam', 'so_ld_du_dk', 'so_dv'];
  // Every unit covers 9 of 10 eligible workers: each fails bao_phu_dv (≥ 100%).
  const grid = table({ keys, rows: units(n, () => ({ nam: 2024, so_ld_du_dk: 10, so_dv: 9 })) });
  const out = checkSheet(grid, { targetSet: findPreset('bd-cdvc-2024')! });
  if (!out.ok) throw new Error(out.error.message);
  const sheet = renderSummarySheet(out.value, new Date(2026, 10, 21));
  return sheet.rows.map((r) => r.map((c) => (c ? String(c.v) : '')));
}

describe('Tổng hợp', () => {
  it('has the administrative header and the indicator table', () => {
    const rows = summaryTexts(3);
    expect(rows[0][4]).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(rows[1][0]).toBe('CÔNG ĐOÀN VIÊN CHỨC TỈNH BÌNH ĐỊNH');
    expect(rows[2][4]).toBe('Bình Định, ngày 21 tháng 11 năm 2026');
    const header = rows.find((r) => r[0] === 'Mã')!;
    expect(header.slice(0, 6)).toEqual(['Mã', 'Chỉ tiêu', 'Mục tiêu', 'Kết quả', 'Đạt/Chưa đạt', 'Số đơn vị có số liệu']);
    const bao = rows.find((r) => r[0] === 'bao_phu_dv')!;
    // 3 · 9 / 3 · 10 = 90%
    expect(bao.slice(2, 6)).toEqual(['≥ 100%', '90% (27/30)', 'Chưa đạt', '3/3']);
    expect(bao[6]).toBe('3 đơn vị: CĐCS số 1; CĐCS số 2; CĐCS số 3');
  });

  it('holds the chart data (target and result in %) and places the chart beside it', () => {
    const keys = ['ma_don_vi', 'ten_don_vi', 'khu_vuc', 'nam', 'so_ld_du_dk', 'so_dv'];
    const grid = table({ keys, rows: units(3, () => ({ nam: 2024, so_ld_du_dk: 10, so_dv: 9 })) });
    const out = checkSheet(grid, { targetSet: findPreset('bd-cdvc-2024')! });
    if (!out.ok) throw new Error(out.error.message);
    const sheet = renderSummarySheet(out.value, new Date(2026, 10, 21));
    const chart = sheet.chart!;
    const [from, to] = chart.data.split(':').map((a) => Number(a.slice(1)));
    const block = sheet.rows.slice(from - 1, to).map((r) => r.slice(0, 3).map((c) => c?.v ?? null));
    expect(block[0]).toEqual(['Mã', 'Mục tiêu (%)', 'Kết quả (%)']);
    // bd-cdvc-2024's % indicators: all but khong_kht (a count). bao_phu_dv: 27/30 = 90%; dat_chuan_vh ≥ 95%, no data.
    expect(block.slice(1).map((r) => r[0])).toEqual(['co_ke_hoach', 'dang_ky_thi_dua', 'bao_phu_dv', 'phat_dong_cds', 'sang_kien_15', 'dang_ky_vh', 'dat_chuan_vh']);
    expect(block.find((r) => r[0] === 'bao_phu_dv')).toEqual(['bao_phu_dv', 100, 90]);
    expect(block.find((r) => r[0] === 'dat_chuan_vh')).toEqual(['dat_chuan_vh', 95, '—']);
    expect(chart.at).toMatch(new RegExp(`^D${from}:G\\d+$`));
  });

  it(`lists at most ${FAILING_LISTED} failing units per indicator, then says where the rest are`, () => {
    const rows = summaryTexts(FAILING_LISTED + 50);
    const listed = rows.filter((r) => r[0] === 'bao_phu_dv' && /^CD\d+$/.test(r[3] ?? ''));
    expect(listed).toHaveLength(FAILING_LISTED);
    const more = rows.find((r) => r[0] === 'bao_phu_dv' && r[1].startsWith('… và 50 đơn vị khác'));
    expect(more).toBeDefined();
  });
});
