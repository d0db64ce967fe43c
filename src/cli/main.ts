/**
 * Entry of the `chitieu` command line. Exit status: 0 work done, 1 `--strict` and error-level
 * problems, 2 unusable input (one Vietnamese line on stderr, never a stack trace).
 */
import { parseArgs } from './args';
import { checkCommand, demoCommand, mergeCommand, presetsCommand, templateCommand, type Io } from './commands';
import { XlsxError } from '../workbook/xlsx';
import { UsageError } from './files';

const HELP = `chitieu — kiểm tra số liệu công đoàn cơ sở và tính chỉ tiêu

Cách dùng:
  chitieu presets                                   liệt kê các bộ chỉ tiêu có sẵn
  chitieu template --preset ID --out TỆP.xlsx       tạo mẫu nhập liệu
  chitieu check TỆP.xlsx [--preset ID] [--year NĂM] [--sheet TÊN] [--out KQ.xlsx] [--json BC.json] [--strict]
  chitieu merge TỆP_HOẶC_THƯ_MỤC… --preset ID [--year NĂM] --out TỔNG_HỢP.xlsx [--json BC.json]
                                                    nhập nhiều báo cáo CĐCS vào một bảng tổng hợp rồi kiểm tra
  chitieu demo [--preset ID] [--dir THƯ_MỤC]         chạy thử trên dữ liệu mẫu

Mã thoát: 0 đã làm xong; 1 có lỗi số liệu khi dùng --strict; 2 đầu vào không dùng được.`;

const VALUED = ['preset', 'year', 'out', 'json', 'sheet', 'dir'];
const FLAGS = ['strict', 'help'];

function defaultIo(): Io {
  return {
    out: (line) => process.stdout.write(line + '\n'),
    err: (line) => process.stderr.write(line + '\n'),
    progress: Boolean(process.stderr.isTTY),
    today: new Date(),
  };
}

/**
 * Runs the command line and resolves to the exit status.
 *
 * @example
 * await run(['presets']) // 0, after printing the five sets
 */
export async function run(argv: readonly string[], io: Io = defaultIo()): Promise<number> {
  const parsed = parseArgs(argv, VALUED, FLAGS);
  if (!parsed.ok) {
    io.err(`chitieu: ${parsed.message}`);
    return 2;
  }
  const args = parsed.value;
  const command = args.positional[0];
  try {
    if (!command || args.flags.has('help') || command === 'help') {
      io.out(HELP);
      return command || args.flags.has('help') ? 0 : 2;
    }
    switch (command) {
      case 'presets':
        return presetsCommand(io);
      case 'template':
        return templateCommand(args, io);
      case 'check':
        return await checkCommand(args, io);
      case 'merge':
        return await mergeCommand(args, io);
      case 'demo':
        return await demoCommand(args, io);
      default:
        io.err(`chitieu: không có lệnh "${command}". Các lệnh: presets, template, check, merge, demo.`);
        return 2;
    }
  } catch (e) {
    // A workbook the adapter cannot read or write (damaged, over a limit) is unusable input, not a fault.
    if (e instanceof UsageError || e instanceof XlsxError) {
      io.err(`chitieu: ${e.message}`);
      return 2;
    }
    io.err(`chitieu: lỗi không mong đợi (${e instanceof Error ? e.message : String(e)}). Hãy gửi tệp và lệnh đã chạy cho người hỗ trợ.`);
    if (process.env.CHITIEU_DEBUG && e instanceof Error) io.err(e.stack ?? '');
    return 3;
  }
}
