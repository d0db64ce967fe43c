import { KV_NN, KV_NNN, CAP_CDCS } from '../catalog';
import type { RawCell, SheetGrid } from '../grid';
import { findRegister, readRegister } from './register';

const grid = (name: string, rows: RawCell[][], merges?: SheetGrid['merges']): SheetGrid => ({ name, rows, ...(merges ? { merges } : {}) });

describe('readRegister', () => {
  it('reads units under a title, with aliases for the contacts, and skips totals, blank rows and the footer', () => {
    const read = readRegister(
      grid('Danh bạ CĐCS', [
        ['DANH BẠ CÔNG ĐOÀN CƠ SỞ NĂM 2025'],
        [],
        ['STT', 'Mã CĐCS', 'Tên công đoàn cơ sở', 'Trực thuộc', 'Khu vực', 'Cấp', 'Cán bộ phụ trách', 'SĐT', 'E-mail'],
        [1, ' CD001 ', 'CĐCS Trường Tiểu học A', 'CĐ Giáo dục huyện', 'KVNN', 'CS', 'Nguyễn Văn An', 912345678, 'an@example.vn'],
        [2, 'CD002', 'CĐCS Công ty B', 'LĐLĐ huyện', 'tư nhân', null, 'Trần Thị Bình', '0987 654 321', null],
        [],
        [null, 'Tổng cộng: 2 đơn vị'],
        [],
        [null, null, 'Người lập biểu'],
      ]),
    );
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    // Rows 4 and 5 are units; row 7 is a total, row 9 a signature line (footer).
    expect(read.units.map((u) => u.row)).toEqual([4, 5]);
    expect(read.problems).toEqual([]);
    // Code trimmed; KVNN → Nhà nước, CS → CĐCS (catalog variants); the 9-digit phone gets its 0 back.
    expect(read.units[0]).toEqual({
      code: 'CD001',
      name: 'CĐCS Trường Tiểu học A',
      parent: 'CĐ Giáo dục huyện',
      sector: KV_NN,
      level: CAP_CDCS,
      contact: { person: 'Nguyễn Văn An', phone: '0912345678', email: 'an@example.vn' },
      row: 4,
    });
    // 'tư nhân' → Ngoài nhà nước; no level; the phone as typed; no email.
    expect(read.units[1]).toEqual({
      code: 'CD002',
      name: 'CĐCS Công ty B',
      parent: 'LĐLĐ huyện',
      sector: KV_NNN,
      contact: { person: 'Trần Thị Bình', phone: '0987 654 321' },
      row: 5,
    });
  });

  it('reads a register of only code and name (two catalog columns)', () => {
    const read = readRegister(grid('DS', [['STT', 'Mã đơn vị', 'Tên đơn vị'], [1, 'A1', 'Đơn vị A'], [2, 'A2', 'Đơn vị B']]));
    expect(read.ok && read.units.map((u) => [u.code, u.name, u.row])).toEqual([
      ['A1', 'Đơn vị A', 2],
      ['A2', 'Đơn vị B', 3],
    ]);
    if (read.ok) expect(read.units[0].contact).toEqual({});
  });

  it('names the cell of a missing code, a missing name and a repeated code', () => {
    const read = readRegister(
      grid('Danh bạ CĐCS', [
        ['Mã đơn vị', 'Tên đơn vị', 'Đơn vị cấp trên', 'Điện thoại'],
        ['CD001', 'Đơn vị A', 'X', '0901'],
        [null, 'Đơn vị không mã', 'X', '0902'],
        ['CD003', null, 'X', '0903'],
        ['cd001', 'Đơn vị A (lặp)', 'X', '0904'],
      ]),
    );
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    // Kept: CD001 (row 2) and CD003 (row 4, without a name). Row 3 has no code; row 5 repeats CD001 (case aside).
    expect(read.units.map((u) => [u.code, u.name])).toEqual([
      ['CD001', 'Đơn vị A'],
      ['CD003', ''],
    ]);
    expect(read.problems.map((p) => [p.kind, p.cell])).toEqual([
      ['missing_code', 'A3'],
      ['missing_name', 'B4'],
      ['duplicate_code', 'A5'],
    ]);
    expect(read.problems[0].message).toContain('Ô A3');
    expect(read.problems[0].message).toContain('Đơn vị không mã');
    expect(read.problems[2].message).toContain('trùng với mã ở dòng 2');
  });

  it('gives a parent merged down over a block to every unit of it', () => {
    const read = readRegister(
      grid(
        'Danh bạ CĐCS',
        [
          ['Mã đơn vị', 'Tên đơn vị', 'Đơn vị cấp trên'],
          ['CD001', 'A', 'CĐ ngành Y tế'],
          ['CD002', 'B', null],
          ['CD003', 'C', 'CĐ ngành Giáo dục'],
        ],
        [{ top: 2, left: 2, bottom: 3, right: 2 }],
      ),
    );
    expect(read.ok && read.units.map((u) => u.parent)).toEqual(['CĐ ngành Y tế', 'CĐ ngành Y tế', 'CĐ ngành Giáo dục']);
  });

  it('refuses a sheet without both identity headers, in Vietnamese', () => {
    const read = readRegister(grid('Ghi chú', [['Tên đơn vị', 'Số đoàn viên'], ['A', 3]]));
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.message).toContain('"Mã đơn vị" và "Tên đơn vị"');
  });
});

describe('findRegister', () => {
  const data = grid('Dữ liệu', [['Mã đơn vị', 'Tên đơn vị', 'Số đoàn viên'], ['D1', 'Data unit', 5]]);
  const register = grid('danh bạ cđcs', [['Mã đơn vị', 'Tên đơn vị'], ['R1', 'Register unit']]);

  it('prefers the sheet named Danh bạ CĐCS (case aside), else the first table with code and name', () => {
    const named = findRegister([data, register]);
    expect(named.ok && named.units.map((u) => u.code)).toEqual(['R1']);
    const fromData = findRegister([grid('Ghi chú', [['x']]), data]);
    expect(fromData.ok && fromData.units.map((u) => u.code)).toEqual(['D1']);
    expect(findRegister([grid('Ghi chú', [['x']])]).ok).toBe(false);
  });
});
