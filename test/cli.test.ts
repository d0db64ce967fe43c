/**
 * The `chitieu` command end to end, in process: real .xlsx files built with ExcelJS (an
 * independent writer/reader), outputs read back with ExcelJS.
 */
import ExcelJS from 'exceljs';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../src/cli/main';
import { COMMANDS } from '../src/cli/help';
import * as runCheckModule from '../src/workbook/runCheck';
import { captureIo, type CapturedIo } from './support/cliIo';
import { BD_CDVC_2024_HEADERS } from './support/bdCdvc2024Headers';
import { findPreset } from '../src/domain/presets';
import { readTargetSheet } from '../src/domain/targetSheet';
import { openXlsx } from '../src/workbook/xlsx';

const TODAY = new Date(2026, 10, 21);

const capture = (): CapturedIo => captureIo(TODAY);

const dir = mkdtempSync(join(tmpdir(), 'chitieu-cli-'));
const path = (name: string) => join(dir, name);
const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

/**
 * A return as a secretary types it: two title rows (merged), the header on row 4 with the
 * columns reordered, an STT column, a user formula, a user fill, and five units.
 *   A STT | B Mã CĐCS | C Tên CĐCS | D Khu vực | E Số ĐV | F Số CBCCVCLĐ đủ điều kiện gia nhập | G Xếp loại | H ĐV đăng ký SK
 */
async function writeReturn(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Số liệu');
  ws.getCell('A1').value = 'CÔNG ĐOÀN VIÊN CHỨC TỈNH BÌNH ĐỊNH';
  ws.mergeCells('A1:H1');
  ws.getCell('A2').value = 'BẢNG TỔNG HỢP SỐ LIỆU NĂM 2024';
  ws.mergeCells('A2:H2');
  ws.addRow([]);
  ws.addRow(['STT', 'Mã CĐCS', 'Tên CĐCS', 'Khu vực', 'Số ĐV', 'Số CBCCVCLĐ đủ điều kiện gia nhập', 'Xếp loại', 'ĐV đăng ký SK']);
  const rows: [string, string, string, number, number, string, number][] = [
    ['CD01', 'CĐCS Trường THPT Quang Trung', 'Nhà nước', 20, 20, 'HTT', 3], // 3/20 = 15% → meets
    ['CD02', 'CĐCS Sở Tài chính', 'KVNN', 40, 40, 'Hoàn thành xuất sắc nhiệm vụ', 10], // 25% → meets
    ['CD03', 'CĐCS Bệnh viện tỉnh', 'Nhà nước', 95, 100, 'HT', 14], // 14/95 ≈ 14,7% → fails
    ['CD04', 'CĐCS Công ty May Phú Tài', 'Ngoài nhà nước', 50, 50, 'HTT', 8], // 16% → meets
    ['CD05', 'CĐCS Trường Mầm non Hoa Sen', 'Nhà nước', 10, 10, 'Tốt lắm', 2], // 20% → meets; rating invalid
  ];
  rows.forEach((r, i) => ws.addRow([i + 1, ...r]));
  ws.getCell('I5').value = { formula: 'E5*2', result: 40 };
  ws.getCell('C6').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
  await wb.xlsx.writeFile(file);
}

async function cellsOf(file: string, sheet: string): Promise<Map<string, unknown>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(sheet);
  const out = new Map<string, unknown>();
  ws?.eachRow({ includeEmpty: false }, (row) => row.eachCell({ includeEmpty: false }, (c) => void out.set(c.address, c.value)));
  return out;
}

describe('chitieu', () => {
  const input = path('bao-cao.xlsx');
  beforeAll(() => writeReturn(input));

  it('presets lists the five built-in sets', async () => {
    const io = capture();
    expect(await run(['presets'], io)).toBe(0);
    const text = io.stdout.join('\n');
    for (const id of ['bd-cdvc-2024', 'bd-cdvc-nq02', 'bt-ldld-2024', 'cdgd-ct1-2024', 'hy-cdgd-nq02']) expect(text).toContain(id);
    expect(text).toContain('06/CTr-CĐVC');
  });

  it('check writes the JSON report and the output workbook; the input is untouched', async () => {
    const before = { hash: sha(input), mtime: statSync(input).mtimeMs };
    const io = capture();
    const code = await run(['check', input, '--preset', 'bd-cdvc-2024', '--out', path('kq.xlsx'), '--json', path('kq.json')], io);
    expect(io.stderr).toEqual([]);
    expect(code).toBe(0);
    expect({ hash: sha(input), mtime: statSync(input).mtimeMs }).toEqual(before);

    const report = JSON.parse(readFileSync(path('kq.json'), 'utf8'));
    expect(report).toMatchObject({ preset: 'bd-cdvc-2024', year: 2024, sheet: 'Số liệu' });
    expect(report.units.map((u: { row: number; code: string }) => [u.row, u.code])).toEqual([
      [5, 'CD01'],
      [6, 'CD02'],
      [7, 'CD03'],
      [8, 'CD04'],
      [9, 'CD05'],
    ]);
    const ind = (id: string) => report.indicators.find((i: { id: string }) => i.id === id);
    // sang_kien_15: 4 of 5 units ≥ 15% → 80% < 100%
    expect(ind('sang_kien_15')).toMatchObject({ kind: 'unit_threshold', comparator: '>=', target: 1, numerator: 4, denominator: 5, actual: 0.8, status: 'CHUA_DAT', inScope: 5, reported: 5 });
    // bao_phu_dv: (20+40+95+50+10) / (20+40+100+50+10) = 215/220 < 100%
    expect(ind('bao_phu_dv')).toMatchObject({ numerator: 215, denominator: 220, status: 'CHUA_DAT' });
    // co_ke_hoach and the other yes/no columns are absent: missing_column, no unit reported
    expect(ind('co_ke_hoach')).toMatchObject({ status: 'THIEU_DU_LIEU', inScope: 5, reported: 0 });
    // khong_kht: CD05's rating is invalid → missing; no KHT among the other 4
    expect(ind('khong_kht')).toMatchObject({ actual: 0, status: 'DAT', reported: 4 });
    expect(report.units[2].status).toMatchObject({ sang_kien_15: 'CHUA_DAT', bao_phu_dv: 'CHUA_DAT' });
    const invalid = report.problems.find((p: { rule: string }) => p.rule === 'invalid_choice');
    expect(invalid).toMatchObject({ sheet: 'Số liệu', cell: 'G9', column: 'xep_loai', unit: 'CD05', severity: 'error' });
    expect(invalid.message).toContain('Ô G9: "Tốt lắm" không phải là mức xếp loại');
    expect(report.problems.filter((p: { rule: string }) => p.rule === 'missing_column').length).toBe(5);

    // The output: user cells unchanged. Column I has no header but holds the user's formula (I5),
    // so the status block starts after one empty column past it: J stays empty, statuses from K.
    const inCells = await cellsOf(input, 'Số liệu');
    const outCells = await cellsOf(path('kq.xlsx'), 'Số liệu');
    for (const [addr, v] of inCells) expect(outCells.get(addr)).toEqual(v);
    expect(outCells.has('J4')).toBe(false);
    expect(outCells.get('K4')).toBe('Kết quả: ' + findPreset('bd-cdvc-2024')!.indicators.find((i) => i.id === 'co_ke_hoach')!.label);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path('kq.xlsx'));
    const names = wb.worksheets.map((w) => w.name);
    expect(names[0]).toBe('Số liệu');
    expect(names).toEqual(expect.arrayContaining(['Tổng hợp', 'Kiểm tra']));
    const ws = wb.getWorksheet('Số liệu')!;
    expect((ws.getCell('C6').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFFF00');
    expect(ws.getCell('I5').value).toEqual({ formula: 'E5*2', result: 40 });
    // Per-unit columns of bd-cdvc-2024 in order: co_ke_hoach, dang_ky_thi_dua, bao_phu_dv, phat_dong_cds, sang_kien_15, dang_ky_vh, dat_chuan_vh, then Lỗi dữ liệu.
    const header = [];
    for (let c = 11; c <= 18; c++) header.push(ws.getRow(4).getCell(c).value);
    expect(header[7]).toBe('Lỗi dữ liệu');
    expect(ws.getRow(7).getCell(11 + 4).value).toBe('Chưa đạt'); // CD03 sang_kien_15
    expect(ws.getRow(5).getCell(11 + 4).value).toBe('Đạt'); // CD01 sang_kien_15 (exactly 15%)
    expect((ws.getRow(7).getCell(15).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
    // Lỗi dữ liệu: CD05 has one error (invalid rating) … plus required cells of the missing bool columns? No: absent columns raise missing_column only.
    expect(ws.getRow(9).getCell(18).value).toBe(1);
    const summary = wb.getWorksheet('Tổng hợp')!;
    expect(summary.pageSetup.orientation).toBe('landscape');
    expect(summary.pageSetup.fitToWidth).toBe(1);
  });

  it('running again on its own output gives the same file', async () => {
    const io = capture();
    expect(await run(['check', path('kq.xlsx'), '--preset', 'bd-cdvc-2024', '--out', path('kq2.xlsx')], io)).toBe(0);
    expect(sha(path('kq2.xlsx'))).toBe(sha(path('kq.xlsx')));
  });

  it('template → edit the Chỉ tiêu sheet → check without --preset uses the edited targets', async () => {
    const io = capture();
    expect(await run(['template', '--preset', 'bd-cdvc-2024', '--out', path('mau.xlsx')], io)).toBe(0);
    const opened = openXlsx(new Uint8Array(readFileSync(path('mau.xlsx'))));
    if (!opened.ok) throw new Error(opened.error.message);
    const back = readTargetSheet(opened.value.readSheetSync('Chỉ tiêu'));
    // Everything but the seed file name, which the sheet no longer shows.
    const { source, ...preset } = findPreset('bd-cdvc-2024')!;
    expect(source).toMatch(/\.txt$/);
    expect(back.ok && back.value).toEqual(preset);

    // Fill two units with ExcelJS and lower dat_chuan_vh's target from 95% to 50%.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path('mau.xlsx'));
    const data = wb.getWorksheet('Dữ liệu CĐCS')!;
    const headers = (data.getRow(1).values as unknown[]).slice(1) as string[];
    expect(headers).toEqual(['Mã đơn vị', 'Tên đơn vị', 'Khu vực', 'Năm', 'Số CBCCVCLĐ đủ điều kiện gia nhập', 'Số đoàn viên', 'Số ĐV đăng ký sáng kiến, giải pháp', 'Có chương trình, kế hoạch gắn nhiệm vụ chính trị', 'Đăng ký thi đua hoàn thành tốt nhiệm vụ trở lên', 'Phát động thi đua chuyển đổi số', 'Đăng ký xây dựng cơ quan đạt chuẩn văn hóa', 'Được công nhận đạt chuẩn văn hóa', 'Xếp loại']);
    expect(data.getCell('C2').dataValidation).toMatchObject({ type: 'list' });
    data.addRow(['CD1', 'CĐCS A', 'Nhà nước', 2025, 10, 10, 2, 'Có', 'Có', 'Có', 'Có', 'Có', 'HTT']);
    data.addRow(['CD2', 'CĐCS B', 'Nhà nước', 2025, 10, 10, 2, 'Có', 'Có', 'Có', 'Có', 'Không', 'HTT']);
    const sheet = wb.getWorksheet('Chỉ tiêu')!;
    let edited = false;
    // The table's header is the row starting with STT; Mã is among the grouped columns.
    let headerRow = 0;
    sheet.eachRow((row, n) => void (headerRow ||= row.getCell(1).value === 'STT' ? n : 0));
    const header = sheet.getRow(headerRow).values as unknown[];
    sheet.eachRow((row) => {
      if (row.getCell(header.indexOf('Mã')).value === 'dat_chuan_vh') {
        row.getCell(header.indexOf('Mục tiêu')).value = '≥ 50%';
        edited = true;
      }
    });
    expect(edited).toBe(true);
    await wb.xlsx.writeFile(path('mau-da-nhap.xlsx'));

    const io2 = capture();
    expect(await run(['check', path('mau-da-nhap.xlsx'), '--json', path('mau.json')], io2)).toBe(0);
    const report = JSON.parse(readFileSync(path('mau.json'), 'utf8'));
    expect(report.year).toBe(2025);
    // dat_chuan_vh: 1 of 2 = 50% ≥ 50% (the edited target) → Đạt
    expect(report.indicators.find((i: { id: string }) => i.id === 'dat_chuan_vh')).toMatchObject({ target: 0.5, actual: 0.5, status: 'DAT' });
    // sang_kien_15: 2/10 = 20% in both units
    expect(report.indicators.find((i: { id: string }) => i.id === 'sang_kien_15')).toMatchObject({ status: 'DAT' });
  });

  it('--strict exits 1 when there are error-level problems', async () => {
    expect(await run(['check', input, '--preset', 'bd-cdvc-2024', '--strict'], capture())).toBe(1);
  });

  describe('unusable input exits 2 with one Vietnamese line', () => {
    const notXlsx = path('ghi-chu.xlsx');
    const noTable = path('trong.xlsx');
    beforeAll(async () => {
      writeFileSync(notXlsx, 'đây không phải tệp Excel');
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet('Sheet1').getCell('A1').value = 'Xin chào';
      await wb.xlsx.writeFile(noTable);
    });
    it.each([
      [['check', 'khong-co.xlsx', '--preset', 'bd-cdvc-2024'], 'Không tìm thấy tệp'],
      [['check', notXlsx, '--preset', 'bd-cdvc-2024'], 'xlsx'],
      [['check', noTable, '--preset', 'bd-cdvc-2024'], 'Không tìm thấy bảng số liệu'],
      [['check', input, '--preset', 'khong-co'], 'Không có bộ chỉ tiêu "khong-co"'],
      [['check', input], 'Chỉ tiêu'],
      [['check', input, '--preset', 'bd-cdvc-2024', '--out', input], 'trùng với tệp đầu vào'],
      [['check', input, '--year', '24'], 'năm có bốn chữ số'],
      [['lam-gi-do'], 'không có lệnh'],
      [['check', input, '--khong-biet'], 'Không biết tùy chọn'],
    ])('%j', async (argv, words) => {
      const io = capture();
      const resolved = (argv as string[]).map((a) => (a === 'khong-co.xlsx' ? path(a) : a));
      expect(await run(resolved, io)).toBe(2);
      expect(io.stderr).toHaveLength(1);
      expect(io.stderr[0]).toContain(words);
      expect(io.stderr[0]).not.toMatch(/\n\s+at /);
    });
  });

  it('demo makes a sample, checks it and says where the results are', async () => {
    const io = capture();
    expect(await run(['demo', '--dir', path('demo')], io)).toBe(0);
    const text = io.stdout.join('\n');
    expect(text).toContain(path('demo'));
    const report = JSON.parse(readFileSync(join(path('demo'), 'bao-cao-bd-cdvc-2024-2024.json'), 'utf8'));
    expect(report.units).toHaveLength(40);
    expect(report.problems.length).toBeGreaterThan(5);
  });

  describe('help', () => {
    it('chitieu --help lists every command and how to get its own help', async () => {
      const io = capture();
      expect(await run(['--help'], io)).toBe(0);
      const text = io.stdout.join('\n');
      for (const c of ['presets', 'template', 'check', 'merge', 'demo']) expect(text).toContain(`chitieu ${c}`);
      expect(text).toContain('chitieu LỆNH --help');
    });

    it.each(['presets', 'template', 'check', 'merge', 'demo'])('chitieu %s --help: its usage, every option it takes, an example', async (command) => {
      const io = capture();
      expect(await run([command, '--help'], io)).toBe(0);
      expect(io.stderr).toEqual([]);
      const text = io.stdout.join('\n');
      expect(text.startsWith(`Cách dùng: chitieu ${command}`)).toBe(true);
      for (const o of COMMANDS[command].options) expect(text).toContain(`--${o.name}`);
      expect(text).toContain(`Ví dụ:\n  chitieu ${command}`);
      // "chitieu help check" prints the same page.
      const again = capture();
      expect(await run(['help', command], again)).toBe(0);
      expect(again.stdout).toEqual(io.stdout);
    });

    it('each help names only its own options: check has --don-vi and --out, demo has neither, template no --strict', async () => {
      const help = async (command: string) => {
        const io = capture();
        await run([command, '--help'], io);
        return io.stdout.join('\n');
      };
      expect(await help('check')).toMatch(/--don-vi "TÊN"\s+đơn vị lập báo cáo/);
      expect(await help('merge')).toContain('Nhập báo cáo');
      expect(await help('demo')).not.toContain('--out');
      expect(await help('demo')).not.toContain('--don-vi');
      expect(await help('template')).not.toContain('--strict');
    });

    it('an option another command has is refused with that command\'s help named', async () => {
      const io = capture();
      expect(await run(['template', '--preset', 'bd-cdvc-2024', '--dir', path('x')], io)).toBe(2);
      expect(io.stderr).toEqual(['chitieu: Không biết tùy chọn --dir. Gõ "chitieu template --help" để xem các tùy chọn.']);
    });
  });

  describe('short options are refused with the long name to type (exit 2, nothing written)', () => {
    it.each([
      [['check', 'IN', '-o', 'kq-ngan.xlsx'], 'Dùng --out thay cho -o'],
      [['check', 'IN', '--preset=bd-cdvc-2024', '-j=kq.json'], 'Dùng --json thay cho -j'],
      [['template', '-p', 'bd-cdvc-2024', '--out', 'kq-ngan.xlsx'], 'Dùng --preset thay cho -p'],
      [['demo', '-d', 'thu'], 'Dùng --dir thay cho -d'],
      [['check', 'IN', '-d', 'CĐ'], 'Dùng --don-vi thay cho -d'],
      [['check', 'IN', '-h'], 'Dùng --help thay cho -h'],
      [['-h'], 'Dùng --help thay cho -h'],
      [['check', 'IN', '-x'], 'Không biết tùy chọn -x'],
    ])('%j', async (argv, words) => {
      const io = capture();
      const resolved = argv.map((a) => (a === 'IN' ? input : a.startsWith('kq') ? path(a) : a));
      expect(await run(resolved, io)).toBe(2);
      expect(io.stderr).toHaveLength(1);
      expect(io.stderr[0]).toContain(words);
      expect(io.stdout).toEqual([]);
      expect(existsSync(path('kq-ngan.xlsx'))).toBe(false);
    });
  });

  describe('--out that cannot be written: exit 2 with one line, before any work', () => {
    const folder = path('mot-thu-muc');
    beforeAll(() => mkdirSync(folder, { recursive: true }));
    it.each([
      ['check, --out a folder', () => ['check', input, '--preset', 'bd-cdvc-2024', '--out', folder], 'là một thư mục'],
      ['check, --out ending in a slash', () => ['check', input, '--preset', 'bd-cdvc-2024', '--out', path('chua-co') + '/'], 'là một thư mục'],
      ['check, --out under a file', () => ['check', input, '--preset', 'bd-cdvc-2024', '--out', join(input, 'kq.xlsx')], 'không phải thư mục'],
      ['check, --json a folder', () => ['check', input, '--preset', 'bd-cdvc-2024', '--json', folder], '--json'],
      ['template, --out a folder', () => ['template', '--preset', 'bd-cdvc-2024', '--out', folder], 'là một thư mục'],
      ['merge, --out a folder', () => ['merge', input, '--preset', 'bd-cdvc-2024', '--out', folder], 'là một thư mục'],
    ])('%s', async (_, argv, words) => {
      const io = capture();
      const spy = jest.spyOn(runCheckModule, 'runCheck');
      try {
        expect(await run(argv(), io)).toBe(2);
        expect(spy).not.toHaveBeenCalled(); // refused before reading and checking
      } finally {
        spy.mockRestore();
      }
      expect(io.stderr).toHaveLength(1);
      expect(io.stderr[0]).toContain(words);
      expect(io.stderr[0]).not.toMatch(/\n|EISDIR|ENOTDIR|\bat /);
      expect(io.stdout).toEqual([]);
    });
  });

  it('check without --out ends with how to get the file; with --out it does not', async () => {
    const io = capture();
    expect(await run(['check', input, '--preset', 'bd-cdvc-2024'], io)).toBe(0);
    const last = io.stdout[io.stdout.length - 1];
    expect(last).toBe(
      `Chưa ghi tệp kết quả: chạy lại với --out KQ.xlsx (ví dụ: chitieu check ${input} --preset bd-cdvc-2024 --out ket-qua.xlsx) để có bản sao tệp kèm cột kết quả, sheet Tổng hợp và sheet Kiểm tra.`,
    );
    const withOut = capture();
    expect(await run(['check', input, '--preset', 'bd-cdvc-2024', '--out', path('kq-co-out.xlsx')], withOut)).toBe(0);
    expect(withOut.stdout.join('\n')).not.toContain('Chưa ghi tệp kết quả');
  });

  it('--don-vi reaches the check as the reporting body (check and merge), worded for the command line', async () => {
    const spy = jest.spyOn(runCheckModule, 'runCheck');
    try {
      expect(await run(['check', input, '--preset', 'bd-cdvc-2024', '--don-vi', '  CÔNG ĐOÀN VIÊN CHỨC TỈNH BÌNH ĐỊNH '], capture())).toBe(0);
      expect(spy).toHaveBeenLastCalledWith(expect.anything(), expect.objectContaining({ reportingBody: 'CÔNG ĐOÀN VIÊN CHỨC TỈNH BÌNH ĐỊNH', audience: 'cli' }));
      expect(await run(['merge', input, '--preset', 'bd-cdvc-2024', '--don-vi=CĐ Ngành Y tế', '--out', path('th-don-vi.xlsx')], capture())).toBe(0);
      expect(spy).toHaveBeenLastCalledWith(expect.anything(), expect.objectContaining({ reportingBody: 'CĐ Ngành Y tế' }));
    } finally {
      spy.mockRestore();
    }
  });

  describe('messages name commands, never pane buttons', () => {
    const legacy = path('bang-ma-cu.xlsx');
    beforeAll(async () => {
      // One unit whose Có is typed in TCVN3 ("Cã"), and a column the catalog does not know.
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Số liệu');
      ws.addRow(['Mã đơn vị', 'Tên đơn vị', 'Số đoàn viên', 'Có chương trình, kế hoạch gắn nhiệm vụ chính trị', 'Cột lạ của tôi']);
      ws.addRow(['CD1', 'CĐCS A', 10, 'Cã', 'x']);
      await wb.xlsx.writeFile(legacy);
    });

    it('the legacy-encoding warning drops "Sửa tự động" in the JSON, the Kiểm tra sheet and nowhere says a button', async () => {
      const io = capture();
      expect(await run(['check', legacy, '--preset', 'bd-cdvc-2024', '--year', '2024', '--json', path('cu.json'), '--out', path('cu.xlsx')], io)).toBe(0);
      const report = JSON.parse(readFileSync(path('cu.json'), 'utf8'));
      const enc = report.problems.find((p: { rule: string }) => p.rule === 'legacy_encoding');
      expect(enc.message).toBe('Ô D2: "Cã" được gõ bằng bảng mã cũ TCVN3 (ABC); chương trình đọc là "Có". Hãy gõ lại bằng Unicode.');
      const unknown = report.problems.find((p: { rule: string }) => p.rule === 'unknown_column');
      expect(unknown.message).toContain('chitieu template --preset ID --out TỆP.xlsx');
      const all = JSON.stringify(report) + io.stdout.join('\n') + [...(await cellsOf(path('cu.xlsx'), 'Kiểm tra')).values()].join('\n');
      expect(all).not.toMatch(/nút|Sửa tự động|Tạo mẫu nhập liệu|khung Chỉ tiêu/);
    });

    it('an unusable file: the error line names the command to make a template', async () => {
      const empty = path('khong-bang.xlsx');
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet('Sheet1').getCell('A1').value = 'Ghi chú';
      await wb.xlsx.writeFile(empty);
      const io = capture();
      expect(await run(['check', empty, '--preset', 'bd-cdvc-2024'], io)).toBe(2);
      expect(io.stderr).toHaveLength(1);
      expect(io.stderr[0]).toContain('mẫu nhập liệu (lệnh chitieu template --preset ID --out TỆP.xlsx)');
      expect(io.stderr[0]).not.toContain('nút');
      const noSet = capture();
      expect(await run(['check', input], noSet)).toBe(2);
      expect(noSet.stderr[0]).toContain('--preset ID, xem "chitieu presets"');
    });
  });

  it('merge: the master gets a "Nhập báo cáo" sheet, one row per file as the JSON files block says', async () => {
    const inbox = path('hop-thu');
    mkdirSync(inbox, { recursive: true });
    const unit = (code: string, name: string, soDv: number, xl = 'HTT') => [code, name, 'Nhà nước', 2024, 20, soDv, 3, 'Có', 'Có', 'Có', 'Có', 'Có', xl];
    const book = async (name: string, rows: unknown[][]) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Báo cáo');
      [BD_CDVC_2024_HEADERS.slice(0, 13), ...rows].forEach((r) => ws.addRow(r));
      await wb.xlsx.writeFile(join(inbox, name));
    };
    await book('a1.xlsx', [unit('CD01', 'CĐCS A', 20), unit('CD02', 'CĐCS B', 18, 'Tốt lắm')]); // one invalid rating
    await book('a2.xlsx', [unit('CD03', 'CĐCS C', 10)]); // replaced by a3 (sent later)
    await book('a3.xlsx', [unit('CD03', 'CĐCS C', 12)]);
    await book('a4.xlsx', [unit('CD01', 'CĐCS A', 20), unit('CD02', 'CĐCS B', 18, 'Tốt lắm')]); // a1 again
    writeFileSync(join(inbox, 'a5.xlsx'), ''); // not a workbook

    const io = capture();
    expect(await run(['merge', inbox, '--preset', 'bd-cdvc-2024', '--out', path('th.xlsx'), '--json', path('th.json')], io)).toBe(0);
    expect(io.stdout).toContain(`Bảng tổng hợp đã kiểm tra: ${path('th.xlsx')} (danh sách tệp ở sheet "Nhập báo cáo").`);
    const json = JSON.parse(readFileSync(path('th.json'), 'utf8'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path('th.xlsx'));
    expect(wb.worksheets.map((w) => w.name).slice(0, 2)).toEqual(['Dữ liệu CĐCS', 'Nhập báo cáo']);
    const ws = wb.getWorksheet('Nhập báo cáo')!;
    const row = (n: number) => [1, 2, 3, 4, 5, 6, 7, 8].map((c) => ws.getRow(n).getCell(c).value ?? null);
    // Master: CD01, CD02 (a1) and CD03 (a3) = 3 units; a1 and a3 imported, a2 replaced, a4 duplicate, a5 unusable.
    expect(ws.getCell('A2').value).toBe(
      '5 tệp: 2 đã nhập, 1 bị thay thế, 1 trùng lặp, 1 không dùng được. Bảng tổng hợp có 3 đơn vị. Mỗi dòng dưới đây là một tệp, theo thứ tự đã đọc; tệp nhận sau thay số liệu cùng đơn vị, cùng năm của tệp trước.',
    );
    expect(row(4)).toEqual(['STT', 'Tệp', 'Trạng thái', 'Đơn vị đã nhập', 'Đơn vị trong tệp', 'Lỗi', 'Cảnh báo', 'Lý do, ghi chú']);
    const rejectedReason = json.files[4].reason;
    expect(rejectedReason).toEqual(expect.any(String));
    expect([row(5), row(6), row(7), row(8), row(9)]).toEqual([
      [1, 'a1.xlsx', 'Đã nhập', 2, 2, 1, 0, null], // 1 error: "Tốt lắm" is not a rating
      [2, 'a2.xlsx', 'Bị thay thế', 0, 1, 0, 0, '1 đơn vị được thay bằng số liệu trong tệp "a3.xlsx" (nhận sau).'],
      [3, 'a3.xlsx', 'Đã nhập', 1, 1, 0, 0, null],
      [4, 'a4.xlsx', 'Trùng lặp', 0, 2, 1, 0, 'Nội dung giống hệt tệp "a1.xlsx" đã nhập; không nhập lại.'],
      [5, 'a5.xlsx', 'Không dùng được', null, null, null, null, rejectedReason],
    ]);
    expect(row(10)).toEqual([null, null, null, null, null, null, null, null]);
    // The same statuses, units and reasons as the JSON files block.
    const label = { accepted: 'Đã nhập', replaced: 'Bị thay thế', duplicate: 'Trùng lặp', rejected: 'Không dùng được' } as Record<string, string>;
    json.files.forEach((f: { file: string; status: string; units: number; reason?: string }, i: number) => {
      expect([row(5 + i)[1], row(5 + i)[2], row(5 + i)[7]]).toEqual([f.file, label[f.status], f.reason ?? null]);
      if (f.status !== 'rejected') expect(row(5 + i)[3]).toBe(f.units);
    });

    // Read back as the product's own sheet: never taken for a data table, and a re-check keeps one copy.
    const again = capture();
    expect(await run(['check', path('th.xlsx'), '--preset', 'bd-cdvc-2024', '--out', path('th2.xlsx')], again)).toBe(0);
    expect(again.stdout[0]).toContain('sheet "Dữ liệu CĐCS"');
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.readFile(path('th2.xlsx'));
    expect(wb2.worksheets.filter((w) => w.name.startsWith('Nhập báo cáo')).map((w) => w.name)).toEqual(['Nhập báo cáo']);
  });
});
