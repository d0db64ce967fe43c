/**
 * What each `chitieu` command accepts, in one place: the parser takes its option names from
 * here and `chitieu COMMAND --help` prints it, so the help never lists an option the command
 * refuses (or the reverse).
 */
import { maxOf } from '../domain/arrays';

/** One `--name` option of a command. */
export interface OptionHelp {
  readonly name: string;
  /** The placeholder of its value (`ID`, `TỆP.xlsx`); absent for a flag such as `--strict`. */
  readonly value?: string;
  /** One line in Vietnamese: what it does. */
  readonly text: string;
}

export interface CommandHelp {
  /** The usage line after `chitieu `. */
  readonly usage: string;
  /** What the command does, one or two lines. */
  readonly summary: string;
  readonly options: readonly OptionHelp[];
  /** Worked examples, each a full command line. */
  readonly examples: readonly string[];
}

const PRESET: OptionHelp = { name: 'preset', value: 'ID', text: 'bộ chỉ tiêu có sẵn (xem "chitieu presets")' };
const YEAR: OptionHelp = { name: 'year', value: 'NĂM', text: 'năm báo cáo, bốn chữ số; mặc định lấy theo cột Năm, tiêu đề bảng, tên sheet hoặc tên tệp' };
const JSON_OUT: OptionHelp = { name: 'json', value: 'BC.json', text: 'ghi thêm báo cáo JSON (chỉ tiêu, đơn vị, lỗi) vào tệp này' };
const STRICT: OptionHelp = { name: 'strict', text: 'thoát với mã 1 khi có lỗi số liệu (dùng trong kịch bản tự động)' };
const DON_VI: OptionHelp = { name: 'don-vi', value: '"TÊN"', text: 'đơn vị lập báo cáo, in ở đầu sheet Tổng hợp (ví dụ "CÔNG ĐOÀN VIÊN CHỨC TỈNH BÌNH ĐỊNH")' };
const HELP: OptionHelp = { name: 'help', text: 'in hướng dẫn này' };

/** The commands, in the order the general help lists them. */
export const COMMANDS: Readonly<Record<string, CommandHelp>> = {
  presets: {
    usage: 'presets',
    summary: 'Liệt kê các bộ chỉ tiêu có sẵn: mã (dùng với --preset), văn bản, số chỉ tiêu.',
    options: [HELP],
    examples: ['chitieu presets'],
  },
  template: {
    usage: 'template --preset ID --out TỆP.xlsx',
    summary:
      'Tạo mẫu nhập liệu trống cho một bộ chỉ tiêu: sheet "Dữ liệu CĐCS" có đúng các cột cần nhập (danh sách chọn, kiểm tra số) ' +
      'và sheet "Chỉ tiêu" (chỉ sửa được cột Mục tiêu).',
    options: [PRESET, { name: 'out', value: 'TỆP.xlsx', text: 'tệp mẫu sẽ ghi (bắt buộc)' }, HELP],
    examples: ['chitieu template --preset bd-cdvc-2024 --out mau-nhap-lieu.xlsx'],
  },
  check: {
    usage: 'check TỆP.xlsx [--preset ID] [--year NĂM] [--sheet TÊN] [--don-vi "TÊN"] [--history TỆP_NĂM_TRƯỚC.xlsx …] [--out KQ.xlsx] [--json BC.json] [--strict]',
    summary:
      'Đọc bảng số liệu, kiểm tra lỗi và tính chỉ tiêu. Tệp gốc không bao giờ bị ghi: kết quả (cột trạng thái, sheet Tổng hợp, ' +
      'sheet Kiểm tra) ghi vào tệp --out. Không có --preset thì dùng sheet "Chỉ tiêu" của chính tệp.',
    options: [
      PRESET,
      YEAR,
      { name: 'sheet', value: 'TÊN', text: 'sheet chứa bảng số liệu; mặc định là sheet đầu tiên có bảng' },
      DON_VI,
      {
        name: 'history',
        value: 'TỆP_NĂM_TRƯỚC.xlsx',
        text: 'số liệu các năm trước để so sánh (lặp lại được: --history 2023.xlsx --history 2022.xlsx); thêm sheet "Tiến độ" và khối "history" trong JSON',
      },
      { name: 'out', value: 'KQ.xlsx', text: 'ghi tệp kết quả (bản sao của tệp gốc có thêm kết quả)' },
      JSON_OUT,
      STRICT,
      HELP,
    ],
    examples: [
      'chitieu check so-lieu.xlsx --preset bd-cdvc-2024 --out ket-qua.xlsx',
      'chitieu check so-lieu.xlsx --out ket-qua.xlsx --json bao-cao.json',
      'chitieu check so-lieu-2025.xlsx --history so-lieu-2024.xlsx --history so-lieu-2023.xlsx --out so-ket.xlsx',
    ],
  },
  merge: {
    usage: 'merge TỆP_HOẶC_THƯ_MỤC… --preset ID [--year NĂM] [--don-vi "TÊN"] [--register DANH-BA.xlsx] --out TỔNG_HỢP.xlsx [--json BC.json] [--strict]',
    summary:
      'Nhập nhiều báo cáo CĐCS (tệp .xlsx hoặc cả thư mục, theo thứ tự tên tệp) vào một bảng tổng hợp, rồi kiểm tra như lệnh check. ' +
      'Sheet "Nhập báo cáo" ghi từng tệp: đã nhập, thay thế, trùng hay không dùng được, và lý do.',
    options: [
      PRESET,
      YEAR,
      DON_VI,
      { name: 'out', value: 'TỔNG_HỢP.xlsx', text: 'tệp tổng hợp sẽ ghi (bắt buộc)' },
      { name: 'register', value: 'DANH-BA.xlsx', text: 'danh bạ đơn vị (sheet "Danh bạ CĐCS"): ghi sheet "Theo dõi nộp báo cáo" — đơn vị đã nộp, chưa nộp, nộp lại, ngoài danh bạ' },
      JSON_OUT,
      STRICT,
      HELP,
    ],
    examples: ['chitieu merge bao-cao-cdcs --preset bd-cdvc-2024 --out tong-hop.xlsx', 'chitieu merge bao-cao-cdcs --preset bd-cdvc-2024 --register danh-ba.xlsx --out tong-hop.xlsx'],
  },
  register: {
    usage: 'register --from TỔNG_HỢP.xlsx --out DANH-BA.xlsx [--sheet TÊN]',
    summary:
      'Tạo danh bạ đơn vị (sheet "Danh bạ CĐCS") từ bảng số liệu có sẵn: mỗi đơn vị một dòng, theo thứ tự của bảng, với mã, tên, ' +
      'đơn vị cấp trên, khu vực, cấp và các cột Người liên hệ, Điện thoại, Email để theo dõi đơn vị chưa nộp báo cáo.',
    options: [
      { name: 'from', value: 'TỔNG_HỢP.xlsx', text: 'tệp có bảng số liệu (bảng tổng hợp hoặc tệp số liệu) (bắt buộc)' },
      { name: 'out', value: 'DANH-BA.xlsx', text: 'tệp danh bạ sẽ ghi (bắt buộc)' },
      { name: 'sheet', value: 'TÊN', text: 'sheet chứa bảng; mặc định là sheet đầu tiên có bảng' },
      HELP,
    ],
    examples: ['chitieu register --from tong-hop.xlsx --out danh-ba.xlsx'],
  },
  'send-out': {
    usage: 'send-out --register DANH-BA.xlsx --preset ID --year NĂM [--previous TỔNG_HỢP_NĂM_TRƯỚC.xlsx] --out THƯ_MỤC',
    summary:
      'Tạo mẫu báo cáo gửi các CĐCS: mỗi đơn vị trong danh bạ một tệp bao-cao-<mã>-<năm>.xlsx, đã điền sẵn và khóa mã, tên, ' +
      'đơn vị cấp trên, khu vực, cấp, năm; chỉ các ô nhập số liệu sửa được (danh sách chọn, kiểm tra số), có hướng dẫn; ' +
      'với --previous, số liệu năm trước của chính đơn vị nằm bên cạnh để đối chiếu.',
    options: [
      { name: 'register', value: 'DANH-BA.xlsx', text: 'tệp danh bạ đơn vị (sheet "Danh bạ CĐCS" hoặc bảng có Mã đơn vị, Tên đơn vị) (bắt buộc)' },
      PRESET,
      { name: 'year', value: 'NĂM', text: 'năm báo cáo, bốn chữ số (bắt buộc)' },
      { name: 'previous', value: 'TỔNG_HỢP.xlsx', text: 'bảng tổng hợp năm trước: số liệu năm trước của từng đơn vị in bên cạnh ô nhập' },
      { name: 'out', value: 'THƯ_MỤC', text: 'thư mục ghi các mẫu, tạo mới nếu chưa có; không ghi đè tệp trùng tên (bắt buộc)' },
      HELP,
    ],
    examples: ['chitieu send-out --register danh-ba.xlsx --preset bd-cdvc-2024 --year 2025 --previous tong-hop-2024.xlsx --out mau-gui-cdcs-2025'],
  },
  demo: {
    usage: 'demo [--preset ID] [--year NĂM] [--dir THƯ_MỤC]',
    summary: 'Chạy thử trên dữ liệu mẫu: tạo một tệp số liệu có sẵn vài lỗi thường gặp, kiểm tra nó, nhập một thư mục báo cáo mẫu, rồi in đường dẫn các tệp kết quả.',
    options: [
      { ...PRESET, text: 'bộ chỉ tiêu của dữ liệu mẫu (mặc định bd-cdvc-2024)' },
      { ...YEAR, text: 'năm của dữ liệu mẫu (mặc định 2024)' },
      { name: 'dir', value: 'THƯ_MỤC', text: 'thư mục ghi các tệp (mặc định chitieu-demo)' },
      HELP,
    ],
    examples: ['chitieu demo', 'chitieu demo --preset bt-ldld-2024 --dir thu'],
  },
};

/** The option names a command takes with a value, and as a flag. */
export function optionNames(command: string): { valued: string[]; flags: string[] } {
  const options = COMMANDS[command]?.options ?? [HELP];
  return {
    valued: options.filter((o) => o.value !== undefined).map((o) => o.name),
    flags: options.filter((o) => o.value === undefined).map((o) => o.name),
  };
}

/**
 * `chitieu COMMAND --help`.
 *
 * @example
 * commandHelp('presets').split('\n')[0] // 'Cách dùng: chitieu presets'
 */
export function commandHelp(command: string): string {
  const c = COMMANDS[command];
  const width = maxOf(-Infinity, c.options.map((o) => optionLabel(o).length));
  return [
    `Cách dùng: chitieu ${c.usage}`,
    '',
    c.summary,
    '',
    'Tùy chọn:',
    ...c.options.map((o) => `  ${optionLabel(o).padEnd(width)}  ${o.text}`),
    '',
    'Ví dụ:',
    ...c.examples.map((e) => `  ${e}`),
  ].join('\n');
}

function optionLabel(o: OptionHelp): string {
  return o.value === undefined ? `--${o.name}` : `--${o.name} ${o.value}`;
}

/** `chitieu --help`: every command on one line, then how to get a command's own help. */
export function generalHelp(): string {
  const lines = Object.values(COMMANDS).map((c) => `  chitieu ${c.usage}\n      ${c.summary.split('. ')[0].replace(/\.$/, '')}.`);
  return [
    'chitieu — kiểm tra số liệu công đoàn cơ sở và tính chỉ tiêu',
    '',
    'Cách dùng:',
    ...lines,
    '',
    'Hướng dẫn riêng từng lệnh: chitieu LỆNH --help (ví dụ: chitieu check --help).',
    'Mã thoát: 0 đã làm xong; 1 có lỗi số liệu khi dùng --strict; 2 đầu vào không dùng được.',
  ].join('\n');
}

/**
 * The long option a short one (`-o`) most likely means, among the command's options: the
 * names starting with that letter. Empty when none does.
 *
 * @example
 * longNamesFor('o', 'check') // ['out']
 */
export function longNamesFor(letter: string, command: string | undefined): string[] {
  const options = (command && COMMANDS[command]?.options) || Object.values(COMMANDS).flatMap((c) => c.options);
  const names = [...new Set(options.map((o) => o.name))];
  // `-h` is everywhere the short form of help (not of --history).
  if (letter.toLowerCase() === 'h' && names.includes('help')) return ['help'];
  return names.filter((n) => n.startsWith(letter.toLowerCase()));
}
