import { readTotalLabel, totalLabelKind } from './totalRows';

describe('totalLabelKind: subtotals', () => {
  it.each([
    'Cộng khối trường học',
    'Cộng I',
    'Cộng nhóm 2',
    'Cộng cụm Quy Nhơn',
    'CỘNG KHỐI DOANH NGHIỆP',
    'cong khoi truong hoc',
    'Tổng khối hành chính',
    'Tổng cộng khối sự nghiệp',
    'Cộng khối I:',
  ])('%s is a subtotal', (label) => {
    expect(totalLabelKind(label)).toBe('subtotal');
  });
});

describe('totalLabelKind: grand totals', () => {
  it.each(['Tổng cộng', 'TỔNG CỘNG', 'tong cong', 'Tổng cộng:', 'Tổng số', 'Tổng', 'Cộng chung', 'Toàn tỉnh', 'Toàn ngành', 'Tổng cộng toàn tỉnh', 'Tổng số (I+II+III)', 'Toàn thành phố'])(
    '%s is a grand total',
    (label) => {
      expect(totalLabelKind(label)).toBe('grand_total');
    },
  );

  it('a bare Cộng is left to the rows around it', () => {
    expect(totalLabelKind('Cộng')).toBe('bare');
    expect(totalLabelKind('Cộng:')).toBe('bare');
    expect(totalLabelKind(' CONG ')).toBe('bare');
  });
});

describe('totalLabelKind: unit names and other text are not totals', () => {
  it.each([
    'Công ty May Phú Tài', // Công ≠ Cộng
    'Công đoàn ngành Giáo dục',
    'Tổng công ty Xây dựng số 1', // Tổng + công
    'Tổng số đoàn viên', // a header-like text, not the bare "Tổng số"
    'Cộng đồng dân cư',
    'Cộng hòa xã hội chủ nghĩa Việt Nam',
    'Toàn thể đoàn viên',
    'CĐCS Trường THPT Tổng Cộng', // the label must start the cell
  ])('%s', (label) => {
    expect(totalLabelKind(label)).toBeUndefined();
  });
});

describe('readTotalLabel', () => {
  it('reads every encoding and gives the label as the user reads it', () => {
    expect(readTotalLabel('  Tæng céng ')).toEqual({ kind: 'grand_total', label: 'Tổng cộng' }); // TCVN3
    expect(readTotalLabel('Toång coäng')).toEqual({ kind: 'grand_total', label: 'Tổng cộng' }); // VNI
    expect(readTotalLabel('Céng khèi tr\u00adêng häc')?.kind).toBe('subtotal'); // TCVN3, soft-hyphen free enough
    expect(readTotalLabel('To\u0302\u0309ng co\u0323\u0302ng')).toEqual({ kind: 'grand_total', label: 'Tổng cộng' }); // NFD
  });

  it('non-text, long text and codes are not labels', () => {
    expect(readTotalLabel(120)).toBeUndefined();
    expect(readTotalLabel('CD001')).toBeUndefined();
    expect(readTotalLabel(`Cộng ${'x'.repeat(100)}`)).toBeUndefined();
    expect(readTotalLabel(`Tổng cộng${' '.repeat(100)}`)).toEqual({ kind: 'grand_total', label: 'Tổng cộng' });
  });
});
