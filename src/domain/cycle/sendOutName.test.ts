import { fileNameCode, sendOutFileName, sendOutFileNames } from './sendOutName';

describe('send-out file names', () => {
  test('codes made file-name-safe', () => {
    // Đ → D and '/' → '-'; spaces and dots → '-', ends trimmed; nothing usable → khong-ma.
    expect(fileNameCode('CĐ/01')).toBe('CD-01');
    expect(fileNameCode(' cd 7.a ')).toBe('cd-7-a');
    expect(fileNameCode('A:B*C?"<>|')).toBe('A-B-C');
    expect(fileNameCode('Trường Lê Lợi')).toBe('Truong-Le-Loi');
    expect(fileNameCode('***')).toBe('khong-ma');
    expect(fileNameCode('..\\..\\x')).toBe('x');
    // 70 × 'A' kept to 60.
    expect(fileNameCode('A'.repeat(70))).toBe('A'.repeat(60));
  });

  test('bao-cao-<code>-<year>.xlsx', () => {
    expect(sendOutFileName('CD01', 2025)).toBe('bao-cao-CD01-2025.xlsx');
  });

  test('codes that give the same name, also differing only in case, get -2, -3', () => {
    // 'CD/01' and 'CD-01' both give CD-01; 'cd-01' is the same name on Windows.
    expect(sendOutFileNames(['CD/01', 'CD-01', 'cd-01', 'CD02'], 2025)).toEqual([
      'bao-cao-CD-01-2025.xlsx',
      'bao-cao-CD-01-2-2025.xlsx',
      'bao-cao-cd-01-3-2025.xlsx',
      'bao-cao-CD02-2025.xlsx',
    ]);
  });
});
