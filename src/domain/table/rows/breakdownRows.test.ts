import { isBreakdownLabel } from './breakdownRows';

describe('isBreakdownLabel', () => {
  it.each(['Trong đó: nữ', 'Trong do: nu', 'TRONG ĐÓ', '- Khu vực nhà nước', '+ Nữ', '– Ngoài nhà nước', 'Trđ: nữ', 'Tr.đ: nữ', 'TĐ: nữ', 'Trong ®ã: n÷'])('%s opens a breakdown', (t) => {
    expect(isBreakdownLabel(t)).toBe(true);
  });
  it.each(['CĐCS Trường A', 'Trường THPT Trần Phú', 'Khu vực nhà nước', '-', 12, null])('%s does not', (t) => {
    expect(isBreakdownLabel(t)).toBe(false);
  });
});
