import { isAllCapitals, readSectionHeading } from './sectionHeading';

describe('readSectionHeading', () => {
  it('STT a Roman numeral or a capital letter', () => {
    expect(readSectionHeading('I', 'Khối trường học')).toEqual({ label: 'I. Khối trường học', level: 2 });
    expect(readSectionHeading('II.', 'Doanh nghiệp ngoài nhà nước')).toEqual({ label: 'II. Doanh nghiệp ngoài nhà nước', level: 2 });
    expect(readSectionHeading('B', 'Đơn vị sự nghiệp')).toEqual({ label: 'B. Đơn vị sự nghiệp', level: 1 });
    expect(readSectionHeading('IV', undefined)).toEqual({ label: 'IV', level: 2 });
  });

  it('a heading typed whole in the STT cell (merged across the row)', () => {
    expect(readSectionHeading('I. KHỐI TRƯỜNG HỌC', undefined)).toEqual({ label: 'I. KHỐI TRƯỜNG HỌC', level: 2 });
  });

  it('a name in capitals', () => {
    expect(readSectionHeading(undefined, 'KHỐI DOANH NGHIỆP')).toEqual({ label: 'KHỐI DOANH NGHIỆP', level: 2 });
    expect(readSectionHeading(1, 'CÁC ĐƠN VỊ SỰ NGHIỆP')).toEqual({ label: 'CÁC ĐƠN VỊ SỰ NGHIỆP', level: 3 });
  });

  it.each(['Khối cơ quan', 'Cụm Quy Nhơn', 'Ngành Y tế', 'Khu vực nhà nước', 'Huyện Tuy Phước', 'Thị xã An Nhơn', 'Thành phố Quy Nhơn', 'Nhóm 2', 'Công đoàn ngành Giáo dục', 'khoi truong hoc', '1. Cụm phía Bắc'])(
    'a name that starts with a heading word: %s',
    (name) => {
      expect(readSectionHeading(undefined, name)?.level).toBe(3);
    },
  );

  it('a name that is none of these is no heading (a unit with missing data)', () => {
    expect(readSectionHeading(3, 'CĐCS Trường Mầm non Hoa Sen')).toBeUndefined();
    expect(readSectionHeading(undefined, 'Công ty May Phú Tài')).toBeUndefined();
    expect(readSectionHeading(12, undefined)).toBeUndefined();
    expect(readSectionHeading('a', 'Trường B')).toBeUndefined(); // a small letter is a row number
  });
});

describe('isAllCapitals', () => {
  it('needs two letters and no small one', () => {
    expect(isAllCapitals('KHỐI TRƯỜNG HỌC')).toBe(true);
    expect(isAllCapitals('CĐCS 12')).toBe(true);
    expect(isAllCapitals('Khối trường học')).toBe(false);
    expect(isAllCapitals('A')).toBe(false);
    expect(isAllCapitals('123')).toBe(false);
  });
});
