/**
 * `chitieu send-out`: a register and last year's master built here with ExcelJS → one return per
 * unit in a new folder, one summary line; the returns filled in their open cells go through
 * `chitieu merge` with zero problems; unusable input exits 2 with one Vietnamese line.
 */
import ExcelJS from 'exceljs';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Io } from '../src/cli/commands';
import { run } from '../src/cli/main';
import { BD_CDVC_2024_HEADERS } from './support/bdCdvc2024Headers';
import { fill } from './support/sendOutReturn';

const TODAY = new Date(2026, 10, 21);
const io = (): Io & { stdout: string[]; stderr: string[] } => {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l), progress: false, today: TODAY };
};

async function book(file: string, sheet: string, rows: unknown[][]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  rows.forEach((r) => ws.addRow(r));
  await wb.xlsx.writeFile(file);
}

/** What each unit types (bd-cdvc-2024's nine inputs): a valid return. */
const TYPED: Record<string, string | number> = {
  'Số CBCCVCLĐ đủ điều kiện gia nhập': 40,
  'Số đoàn viên': 38,
  'Số ĐV đăng ký sáng kiến, giải pháp': 6,
  'Có chương trình, kế hoạch gắn nhiệm vụ chính trị': 'Có',
  'Đăng ký thi đua hoàn thành tốt nhiệm vụ trở lên': 'Có',
  'Phát động thi đua chuyển đổi số': 'Có',
  'Đăng ký xây dựng cơ quan đạt chuẩn văn hóa': 'Không',
  'Được công nhận đạt chuẩn văn hóa': 'Không',
  'Xếp loại': 'Hoàn thành nhiệm vụ',
};

describe('chitieu send-out', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chitieu-sendout-'));
  const register = join(dir, 'danh-ba.xlsx');
  const master = join(dir, 'tong-hop-2024.xlsx');
  const out = join(dir, 'gui', '2025');

  beforeAll(async () => {
    await book(register, 'Danh bạ CĐCS', [
      ['DANH BẠ CÔNG ĐOÀN CƠ SỞ'],
      ['STT', 'Mã đơn vị', 'Tên đơn vị', 'Đơn vị cấp trên', 'Khu vực', 'Người liên hệ', 'Điện thoại'],
      [1, 'CD01', 'CĐCS Trường Tiểu học Kim Đồng', 'Công đoàn ngành Giáo dục', 'Nhà nước', 'Lê Thị B', '0912345678'],
      [2, 'CD02', 'CĐCS Công ty May Hòa Bình', 'LĐLĐ huyện Tuy Phước', 'Ngoài nhà nước', null, null],
      [3, 'CĐ/03', 'CĐCS Bệnh viện Đa khoa', 'Công đoàn ngành Y tế', 'Nhà nước', null, null],
    ]);
    await book(master, 'Dữ liệu CĐCS', [
      [...BD_CDVC_2024_HEADERS, 'Nguồn'],
      ['CD01', 'CĐCS Trường Tiểu học Kim Đồng', 'Nhà nước', 2024, 35, 33, 5, 'Có', 'Có', 'Không', 'Có', 'Có', 'Hoàn thành tốt nhiệm vụ', 'x.xlsx, dòng 2'],
      ['CD02', 'CĐCS Công ty May Hòa Bình', 'Ngoài nhà nước', 2024, 120, 90, 10, 'Có', 'Không', 'Không', 'Không', 'Không', 'Hoàn thành nhiệm vụ', 'y.xlsx, dòng 2'],
    ]);
  });

  test('one return per register unit in a new folder, one summary line', async () => {
    const c = io();
    const code = await run(['send-out', '--register', register, '--preset', 'bd-cdvc-2024', '--year', '2025', '--previous', master, '--out', out], c);
    expect(c.stderr).toEqual([]);
    expect(code).toBe(0);
    // Three units; CD01 and CD02 are in the 2024 master, CĐ/03 is not.
    expect(c.stdout).toEqual([`Đã tạo 3 mẫu báo cáo năm 2025 (bộ bd-cdvc-2024), mỗi đơn vị một tệp bao-cao-<mã>-2025.xlsx, trong thư mục ${out}; 2 mẫu có số liệu năm 2024 để đối chiếu.`]);
    expect(readdirSync(out).sort()).toEqual(['bao-cao-CD-03-2025.xlsx', 'bao-cao-CD01-2025.xlsx', 'bao-cao-CD02-2025.xlsx']);
  });

  test('the returns, filled in their open cells, go through chitieu merge with zero problems', async () => {
    const inbox = join(dir, 'nhan');
    mkdirSync(inbox);
    for (const [file, unit] of [
      ['bao-cao-CD01-2025.xlsx', 'CD01'],
      ['bao-cao-CD02-2025.xlsx', 'CD02'],
      ['bao-cao-CD-03-2025.xlsx', 'CĐ/03'],
    ]) {
      const filled = await fill(new Uint8Array(readFileSync(join(out, file))), unit, (h) => TYPED[h]);
      // Nine inputs each: the identity (Mã, Tên, Đơn vị cấp trên, Khu vực, Năm) is given by the register.
      expect(filled.written).toHaveLength(9);
      writeFileSync(join(inbox, file), filled.bytes);
    }
    const c = io();
    const json = join(dir, 'tong-hop-2025.json');
    expect(await run(['merge', inbox, '--preset', 'bd-cdvc-2024', '--out', join(dir, 'tong-hop-2025.xlsx'), '--json', json], c)).toBe(0);
    const report = JSON.parse(readFileSync(json, 'utf8'));
    expect(report.files.map((f: { status: string; units: number }) => [f.status, f.units])).toEqual([
      ['accepted', 1],
      ['accepted', 1],
      ['accepted', 1],
    ]);
    expect(report.problems).toEqual([]);
    expect(report.year).toBe(2025);
    expect(report.units.map((u: { code: string }) => u.code).sort()).toEqual(['CD01', 'CD02', 'CĐ/03']);
  });

  test('a folder already holding a file of the same name is refused: it may be a return sent back', async () => {
    const c = io();
    expect(await run(['send-out', '--register', register, '--preset', 'bd-cdvc-2024', '--year', '2025', '--out', out], c)).toBe(2);
    expect(c.stderr).toHaveLength(1);
    expect(c.stderr[0]).toContain('không ghi đè');
    expect(c.stdout).toEqual([]);
  });

  test.each([
    [['--register', 'khong-co.xlsx', '--preset', 'bd-cdvc-2024', '--year', '2025', '--out', 'x'], 'Không tìm thấy tệp'],
    [['--register', 'REG', '--preset', 'khong-co', '--year', '2025', '--out', 'x'], 'Không có bộ chỉ tiêu "khong-co"'],
    [['--register', 'REG', '--preset', 'bd-cdvc-2024', '--year', '25', '--out', 'x'], 'bốn chữ số'],
    [['--register', 'REG', '--preset', 'bd-cdvc-2024', '--out', 'x'], '--year'],
    [['--register', 'REG', '--preset', 'bd-cdvc-2024', '--year', '2025'], '--out'],
    // The 2024 master holds nothing earlier than 2024.
    [['--register', 'REG', '--preset', 'bd-cdvc-2024', '--year', '2024', '--previous', 'MASTER', '--out', 'x'], 'năm trước 2024'],
  ])('unusable input exits 2 with one line: %j', async (argv, message) => {
    const c = io();
    const args = (argv as string[]).map((a) => (a === 'REG' ? register : a === 'MASTER' ? master : a === 'x' ? join(dir, 'x') : a));
    expect(await run(['send-out', ...args], c)).toBe(2);
    expect(c.stderr).toHaveLength(1);
    expect(c.stderr[0]).toContain(message);
    expect(existsSync(join(dir, 'x'))).toBe(false);
  });

  test('a register that is not one exits 2', async () => {
    const notRegister = join(dir, 'ghi-chu.xlsx');
    await book(notRegister, 'Ghi chú', [['Danh sách gửi sau']]);
    const c = io();
    expect(await run(['send-out', '--register', notRegister, '--preset', 'bd-cdvc-2024', '--year', '2025', '--out', join(dir, 'y')], c)).toBe(2);
    expect(c.stderr[0]).toContain('Mã đơn vị');
  });

  test('chitieu send-out --help: its usage, every option, an example; chitieu --help lists it', async () => {
    const c = io();
    expect(await run(['send-out', '--help'], c)).toBe(0);
    const text = c.stdout.join('\n');
    expect(text.startsWith('Cách dùng: chitieu send-out --register DANH-BA.xlsx --preset ID --year NĂM')).toBe(true);
    for (const o of ['--register', '--preset', '--year', '--previous', '--out', '--help']) expect(text).toContain(o);
    expect(text).toContain('Ví dụ:\n  chitieu send-out');
    const all = io();
    expect(await run(['--help'], all)).toBe(0);
    expect(all.stdout.join('\n')).toContain('chitieu send-out');
  });
});
