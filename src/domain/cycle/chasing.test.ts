import { chaseHeadline, chaseReturns, codeInFileName, registerJson, sameCodeInName, savedDay, type ReturnSeen } from './chasing';
import type { RegisterUnit } from './registerUnit';

const unit = (code: string, name: string, contact: RegisterUnit['contact'] = {}, row = 0): RegisterUnit => ({ code, name, contact, row });
const REGISTER = [
  unit('CD001', 'Trường A', { person: 'An', phone: '0901' }),
  unit('CD002', 'Sở B'),
  unit('CD003', 'Bệnh viện C'),
  unit('CD004', 'Công ty D', { email: 'd@x.vn' }),
];
const seen = (file: string, codes: string[], status: ReturnSeen['status'] = 'accepted', saved?: string): ReturnSeen => ({
  file,
  status,
  units: codes.map((code) => ({ code, name: `Tên ${code}` })),
  ...(saved ? { saved } : {}),
});

describe('chaseReturns', () => {
  it('counts received, lists missing with contacts, re-sent, unknown and mismatched returns', () => {
    const report = chaseReturns(REGISTER, [
      seen('bao-cao-CD001-2024.xlsx', ['cd001'], 'accepted', '2024-03-05T20:30:00Z'),
      seen('bao-cao-CD002-2024.xlsx', ['CD002'], 'replaced', '2024-03-01T02:00:00Z'),
      seen('bao-cao-CD002-2024-lan2.xlsx', ['CD002'], 'accepted', '2024-03-10T03:00:00Z'),
      seen('bao-cao-CD009-2024.xlsx', ['CD003']),
      seen('bao-cao-CD999-2024.xlsx', ['CD999']),
      seen('hong.xlsx', [], 'rejected'),
      // The same content as a file already taken: sends nothing new.
      seen('bao-cao-CD001-2024 (1).xlsx', ['CD001'], 'duplicate'),
    ]);
    // Register of 4: CD001 (case aside), CD002 (twice), CD003 (under a CD009 name) received; CD004 missing.
    expect([report.expected, report.received]).toEqual([4, 3]);
    expect(report.headline).toBe('Đã nhận 3/4 — còn 1 đơn vị chưa nộp');
    expect(report.missing.map((u) => u.code)).toEqual(['CD004']);
    expect(report.unknown).toEqual([{ file: 'bao-cao-CD999-2024.xlsx', code: 'CD999', name: 'Tên CD999' }]);
    expect(report.mismatched).toEqual([{ file: 'bao-cao-CD009-2024.xlsx', code: 'CD003', fileCode: 'CD009' }]);
    expect(report.resent).toEqual([{ code: 'CD002', file: 'bao-cao-CD002-2024-lan2.xlsx', earlier: ['bao-cao-CD002-2024.xlsx'] }]);
    // Rows: the register's 4 in its order, then the unknown unit.
    expect(report.rows.map((r) => [r.state, r.code, r.file ?? null, r.saved ?? null])).toEqual([
      ['received', 'CD001', 'bao-cao-CD001-2024.xlsx', '06/03/2024'], // 20:30 UTC on the 5th is 03:30 on the 6th in Hà Nội
      ['resent', 'CD002', 'bao-cao-CD002-2024-lan2.xlsx', '10/03/2024'],
      ['received', 'CD003', 'bao-cao-CD009-2024.xlsx', null],
      ['missing', 'CD004', null, null],
      ['unknown', 'CD999', 'bao-cao-CD999-2024.xlsx', null],
    ]);
    // One warning for the unknown file, one for the mismatched name.
    expect(report.warnings.map((w) => w.file)).toEqual(['bao-cao-CD009-2024.xlsx', 'bao-cao-CD999-2024.xlsx']);
    expect(report.warnings[1].message).toContain('CD999 (Tên CD999)');
    expect(registerJson(report)).toEqual({
      expected: 4,
      received: 3,
      missing: [{ ma_don_vi: 'CD004', ten_don_vi: 'Công ty D', email: 'd@x.vn' }],
      unknown: [{ file: 'bao-cao-CD999-2024.xlsx', ma_don_vi: 'CD999' }],
      mismatched: [{ file: 'bao-cao-CD009-2024.xlsx', ma_don_vi: 'CD003', ma_trong_ten_tep: 'CD009' }],
      resent: [{ ma_don_vi: 'CD002', file: 'bao-cao-CD002-2024-lan2.xlsx', thay_tep: ['bao-cao-CD002-2024.xlsx'] }],
    });
  });

  it('does not check the name of a file holding several units (a consolidated return)', () => {
    const report = chaseReturns(REGISTER, [seen('bao-cao-CD009-2024.xlsx', ['CD001', 'CD002'])]);
    expect(report.mismatched).toEqual([]);
    expect(report.received).toBe(2);
  });

  it('chases one year: the latest in the returns, or the one asked for', () => {
    const master: ReturnSeen = {
      file: 'tong-hop.xlsx',
      status: 'accepted',
      units: [
        { code: 'CD001', year: 2023 },
        { code: 'CD002', year: 2023 },
        { code: 'CD002', year: 2024 },
      ],
    };
    const late: ReturnSeen = { file: 'bao-cao-CD003-2024.xlsx', status: 'accepted', units: [{ code: 'CD003', year: 2024 }] };
    // Latest year 2024: CD002 (from the master's 2024 row) and CD003 sent; CD001 only sent for 2023.
    const latest = chaseReturns(REGISTER, [master, late]);
    expect([latest.year, latest.received, latest.missing.map((u) => u.code)]).toEqual([2024, 2, ['CD001', 'CD004']]);
    // Asked for 2023: CD001 and CD002 sent; the 2024 file is another cycle's (and its name is not checked).
    const earlier = chaseReturns(REGISTER, [master, late], { year: 2023 });
    expect([earlier.year, earlier.received, earlier.missing.map((u) => u.code)]).toEqual([2023, 2, ['CD003', 'CD004']]);
    expect(earlier.mismatched).toEqual([]);
  });

  it('says when every unit has sent its return', () => {
    expect(chaseHeadline(42, 42)).toBe('Đã nhận 42/42 — đủ các đơn vị trong danh bạ');
    expect(chaseHeadline(37, 42)).toBe('Đã nhận 37/42 — còn 5 đơn vị chưa nộp');
  });
});

describe('codeInFileName', () => {
  const keys = new Set(['cd001', 'cd002']);
  it.each([
    ['bao-cao-CD012-2024.xlsx', 'CD012', 'CD012'],
    ['bao-cao-CD-012-2024.xlsx', 'CD-012', 'CD-012'],
    ['bao-cao-CD003-2024-lan2.xlsx', 'CD003', 'CD003'], // the table's code is in the name: they agree
    ['CD009 gui lan 2.xlsx', 'CD008', 'CD009'], // same shape as the table's code
    ['so lieu cd002.xlsx', '101', 'cd002'], // a register code
    ['so-lieu-truong-a-2024.xlsx', 'CD008', undefined], // no code in the name
    ['lan2.xlsx', 'CD008', undefined], // letters and digits of another shape
  ])('%s with %s in the table → %s', (file, table, expected) => {
    expect(codeInFileName(file, table, keys)).toBe(expected);
  });
});

describe('sameCodeInName', () => {
  it('compares codes as send-out writes them in file names', () => {
    expect(sameCodeInName('CD-01', 'CĐ/01')).toBe(true); // bao-cao-CD-01-2025.xlsx for the code CĐ/01
    expect(sameCodeInName('cd01-2', 'cd01')).toBe(true); // the second of two codes giving the same name
    expect(sameCodeInName('CD009', 'CD008')).toBe(false);
  });

  it('finds no mismatch for send-out names of codes with marks or slashes', () => {
    const register = [unit('CĐ/01', 'Trường A'), unit('cd01', 'Sở B')];
    const report = chaseReturns(register, [seen('bao-cao-CD-01-2025.xlsx', ['CĐ/01']), seen('bao-cao-cd01-2-2025.xlsx', ['cd01'])]);
    expect(report.mismatched).toEqual([]);
  });
});

describe('savedDay', () => {
  it('reads ISO times as the day in Vietnam (UTC+7)', () => {
    expect(savedDay('2024-03-05T16:59:59Z')).toBe('05/03/2024'); // 23:59:59 in Hà Nội
    expect(savedDay('2024-03-05T17:00:00Z')).toBe('06/03/2024');
    expect(savedDay('2024-03-05T10:00:00+07:00')).toBe('05/03/2024');
    expect(savedDay('không phải ngày')).toBeUndefined();
  });
});
