import { firstLook } from './useFileCycle';

describe('firstLook (browser mode, before the file is read)', () => {
  it('finds the register by name, any case, and offers every sheet but the product\'s, Chỉ tiêu and the register', () => {
    // The product's sheets, numbered or not, are never an earlier year's table.
    const names = ['Số liệu 2024', 'Năm 2023', 'Chỉ tiêu', 'DANH BẠ CĐCS', 'Tổng hợp', 'Kiểm tra (2)', 'Tiến độ', 'Ghi chú'];
    expect(firstLook(names)).toEqual({ register: { kind: 'sheet', sheet: 'DANH BẠ CĐCS' }, historySheets: ['Số liệu 2024', 'Năm 2023', 'Ghi chú'] });
    expect(firstLook(['Số liệu']).register).toEqual({ kind: 'none' });
  });
});
