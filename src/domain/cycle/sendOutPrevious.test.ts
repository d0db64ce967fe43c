import type { RawCell, SheetGrid } from '../grid';
import { codeKey } from './register';
import { previousFigures } from './sendOutPrevious';

const grid = (rows: RawCell[][], name = 'Dữ liệu CĐCS'): SheetGrid => ({ name, rows });
const HEADER = ['Mã đơn vị', 'Tên đơn vị', 'Khu vực', 'Năm', 'Số đoàn viên', 'Kinh phí công đoàn đã thu (triệu đồng)', 'Xếp loại'];

describe('last year figures from a master', () => {
  test('the latest year before the send-out year, read as the check reads it', () => {
    const master = grid([
      ['TỔNG HỢP SỐ LIỆU'],
      HEADER,
      ['CD01', 'CĐCS A', 'Nhà nước', 2023, 10, 1, 'HTT'],
      ['CD01', 'CĐCS A', 'Nhà nước', 2024, '12', 2.5, 'HTXS'],
      [' cd02 ', 'CĐCS B', 'Nhà nước', 2024, null, 'chưa rõ', 'HTT'],
      ['CD03', 'CĐCS C', 'Nhà nước', 2025, 30, 3, 'HTT'],
    ]);
    const p = previousFigures([master], 2025);
    // 2025 rows are not earlier; 2024 is the latest earlier year.
    expect(p?.year).toBe(2024);
    expect([...(p?.byCode.keys() ?? [])]).toEqual(['cd01', 'cd02']);
    // '12' → 12; 2.5 triệu đồng → 2,500,000 đồng; HTXS → Hoàn thành xuất sắc nhiệm vụ.
    expect(p?.byCode.get('cd01')?.values).toEqual({ ma_don_vi: 'CD01', ten_don_vi: 'CĐCS A', khu_vuc: 'Nhà nước', nam: 2024, so_dv: 12, kp_thu: 2_500_000, xep_loai: 'Hoàn thành xuất sắc nhiệm vụ' });
    // A blank stays absent; an unreadable amount is kept as typed.
    expect(p?.byCode.get(codeKey('CD02'))?.values).toMatchObject({ kp_thu: 'chưa rõ' });
    expect(p?.byCode.get('cd02')?.values.so_dv).toBeUndefined();
  });

  test('a master without Năm counts as the year before; none earlier or no table gives undefined', () => {
    const noYear = grid([['Mã đơn vị', 'Tên đơn vị', 'Khu vực', 'Số đoàn viên'], ['CD01', 'CĐCS A', 'Nhà nước', 7]]);
    expect(previousFigures([noYear], 2025)).toMatchObject({ year: 2024 });
    expect(previousFigures([noYear], 2025)?.byCode.get('cd01')?.values.so_dv).toBe(7);
    const later = grid([HEADER, ['CD01', 'CĐCS A', 'Nhà nước', 2025, 10, 1, 'HTT']]);
    expect(previousFigures([later], 2025)).toBeUndefined();
    expect(previousFigures([grid([['Ghi chú'], ['không có bảng']])], 2025)).toBeUndefined();
  });
});
