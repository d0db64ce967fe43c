import { nameYear, sheetYear, titleRowsYear, yearInText, type SheetYearInput } from './sheetYear';
import { forCli } from '../wording';

const TODAY = new Date(2026, 10, 21);
const base: SheetYearInput = { titleRows: [], sheetName: 'Sheet1', today: TODAY };

describe('yearInText', () => {
  it.each([
    ['BÁO CÁO KẾT QUẢ THỰC HIỆN CHỈ TIÊU NĂM 2023', 2023],
    ['Tổng hợp số liệu năm 2023', 2023],
    ['KẾT QUẢ 6 THÁNG ĐẦU NĂM 2024', 2024],
    ['ket qua nam 2022', 2022], // typed without diacritics
    ['KÕt qu¶ n¨m 2023', 2023], // TCVN3: n¨m = năm
  ])('"%s" names %d', (text, year) => expect(yearInText(text)?.year).toBe(year));

  it('a range of two consecutive years gives the later year and the range text', () => {
    expect(yearInText('BÁO CÁO NĂM HỌC 2023 - 2024')).toEqual({ year: 2024, range: '2023 - 2024', phrase: true });
    expect(yearInText('năm học 2023-2024')).toEqual({ year: 2024, range: '2023-2024', phrase: true });
  });

  it('dates and longer ranges are not report years', () => {
    expect(yearInText('Quy Nhơn, ngày 12 tháng 01 năm 2024')).toBeUndefined();
    expect(yearInText('Bình Định, ngày ... tháng ... năm 2024')).toBeUndefined(); // day and month left for the signer
    expect(yearInText('Bình Định, tháng 01 năm 2024')).toBeUndefined();
    expect(yearInText('Kèm theo công văn ngày 16/9/2024')).toBeUndefined();
    expect(yearInText('Số: 12/2024/BC-CĐ')).toBeUndefined(); // a document number
    expect(yearInText('NHIỆM KỲ 2023 - 2028')).toBeUndefined();
  });

  it('a year on its own is a bare year', () => {
    expect(yearInText('BC 2024')).toEqual({ year: 2024, phrase: false });
  });
});

describe('titleRowsYear', () => {
  it('the signing date line above the title is never the report year', () => {
    // Signed in January 2024 for the year 2023: the title says 2023.
    const rows = [['CĐ NGÀNH GIÁO DỤC', null, 'Quy Nhơn, ngày 12 tháng 01 năm 2024'], ['BÁO CÁO TỔNG HỢP'], ['NĂM 2023']];
    expect(titleRowsYear(rows)).toEqual({ year: 2023 });
  });

  it('a phrase wins over a bare year in an earlier row; cells of one row read together', () => {
    expect(titleRowsYear([['Kế hoạch 2021'], ['BÁO CÁO NĂM', 2024]])).toEqual({ year: 2024 });
    expect(titleRowsYear([['Kế hoạch 2021'], ['BÁO CÁO']])).toEqual({ year: 2021 });
  });

  it('nothing in the title', () => {
    expect(titleRowsYear([['BÁO CÁO TỔNG HỢP'], ['Thành phố, ngày 05 tháng 01 năm 2025']])).toBeUndefined();
  });
});

describe('nameYear', () => {
  it.each([
    ['BC 2024', 2024],
    ['Năm 2023', 2023],
    ['bao-cao-cdcs-2022.xlsx', 2022],
    ['C:\\Báo cáo\\BC_CDCS_2023 (1).xlsx', 2023],
    ['/home/u/tong_hop_2021.xlsm', 2021],
  ])('%s → %d', (name, year) => expect(nameYear(name)?.year).toBe(year));

  it.each(['Sheet1', 'Dữ liệu CĐCS', '20240115_baocao.xlsx', 'bao cao 15-01-2024.xlsx'])('%s names no year', (name) =>
    expect(nameYear(name)).toBeUndefined(),
  );
});

describe('sheetYear: the order of layouts.md', () => {
  const title = [['BÁO CÁO NĂM 2023']];

  it('--year first, then the Năm column, then the title, the sheet name, the file name', () => {
    const all = { ...base, option: 2020, dataYear: 2021, titleRows: title, sheetName: 'BC 2024', fileName: 'bc-2025.xlsx' };
    expect(sheetYear(all)).toEqual({ year: 2020, source: 'option' });
    expect(sheetYear({ ...all, option: undefined })).toEqual({ year: 2021, source: 'data' });
    expect(sheetYear({ ...all, option: undefined, dataYear: undefined })).toEqual({ year: 2023, source: 'title' });
    expect(sheetYear({ ...all, option: undefined, dataYear: undefined, titleRows: [] })).toEqual({ year: 2024, source: 'sheet' });
    expect(sheetYear({ ...base, fileName: 'bc-2025.xlsx' })).toEqual({ year: 2025, source: 'file' });
  });

  it('otherwise the current year, with a warning that says how to set it', () => {
    const guess = sheetYear(base);
    expect(guess).toMatchObject({ year: 2026, source: 'guess' });
    expect(guess.note).toContain('tạm tính cho năm nay (2026)');
    // Worded for the pane; the command line gets its option instead (wording.ts).
    expect(guess.note).toContain('ô "Năm báo cáo"');
    expect(forCli(guess.note!)).toContain('--year NĂM');
    expect(forCli(guess.note!)).not.toContain('Năm báo cáo"');
  });

  it('a range takes the later year with a warning', () => {
    const r = sheetYear({ ...base, titleRows: [['TỔNG HỢP NĂM HỌC 2023 - 2024']] });
    expect(r).toMatchObject({ year: 2024, source: 'title' });
    expect(r.note).toBe(
      'Tiêu đề bảng ghi khoảng năm "2023 - 2024": chương trình tính cho năm 2024 (năm sau của khoảng). Nếu không đúng, hãy chọn năm báo cáo: gõ năm vào ô "Năm báo cáo" của khung Chỉ tiêu CĐCS.',
    );
  });

  it('the date line alone leaves the year to the sheet name', () => {
    const r = sheetYear({ ...base, titleRows: [['Quy Nhơn, ngày 12 tháng 01 năm 2024']], sheetName: 'Năm 2023' });
    expect(r).toEqual({ year: 2023, source: 'sheet' });
  });
});
