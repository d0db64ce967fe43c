/**
 * Every string the task pane shows, Vietnamese first, English behind the switch in the pane.
 *
 * What the engine itself writes (problem messages, indicator labels, target texts) stays
 * Vietnamese in both languages: it quotes the program documents and is what lands in the
 * workbook, so the pane shows the same words the sheets do.
 */
import { formatNumber } from '../domain/format';
import type { FileStatus } from '../domain/merge';
import type { RuleId } from '../domain/problem';
import { RULE_LABEL } from '../domain/problem';
import type { Status } from '../domain/status';
import { STATUS_LABEL } from '../domain/status';
import { cycleEn, cycleVi } from './cycleStrings';

export type Lang = 'vi' | 'en';

const n = (value: number): string => formatNumber(value);

const vi = {
  lang: 'vi' as Lang,
  appTitle: 'Chỉ tiêu CĐCS',
  switchLanguage: 'English',
  switchLanguageLabel: 'Chuyển giao diện sang tiếng Anh',
  connecting: 'Đang kết nối với Excel…',
  loadingBrowserMode: 'Đang mở chế độ trình duyệt…',

  targetSet: 'Bộ chỉ tiêu',
  sheetTargetSet: 'Sheet "Chỉ tiêu" của tệp',
  sheetTargetSetHint: 'Dùng các mục tiêu đã sửa trong sheet "Chỉ tiêu" của tệp.',
  copySet: 'Chép vào sheet "Chỉ tiêu" để sửa',
  confirmOverwriteTargets: 'Tệp đã có sheet "Chỉ tiêu". Chép đè sẽ thay toàn bộ nội dung sheet đó bằng bộ chỉ tiêu đang chọn.',
  overwrite: 'Chép đè',
  cancel: 'Thôi',
  copied: 'Đã chép bộ chỉ tiêu vào sheet "Chỉ tiêu". Từ giờ kết quả tính theo sheet này; sửa mục tiêu ngay trên sheet.',
  useSet: (id: string) => `Dùng bộ ${id}`,
  reportYear: 'Năm báo cáo',
  reportYearHint: 'Để trống: lấy năm theo cột Năm, tiêu đề bảng, tên sheet hoặc tên tệp.',
  reportYearPlaceholder: 'tự động',
  badYear: (text: string) => `"${text}" không phải là năm: gõ năm có bốn chữ số, ví dụ 2024, hoặc để trống.`,
  reportingBody: 'Đơn vị báo cáo',
  reportingBodyHint: 'Công đoàn lập báo cáo, in ở đầu sheet "Tổng hợp". Để trống: dùng tên đã ghi lần trước, hoặc cơ quan ban hành bộ chỉ tiêu.',
  reportingBodyPlaceholder: 'ví dụ: CÔNG ĐOÀN VIÊN CHỨC TỈNH',
  progressLabel: 'Tiến độ',
  progressRead: 'Đang đọc bảng số liệu…',
  progressCheck: (rows: number) => `Đã đọc ${n(rows)} dòng · đang kiểm tra…`,
  progressWrite: (rows: number) => `Đã kiểm tra ${n(rows)} dòng · đang chuẩn bị kết quả…`,
  progressReceive: (rows: number | undefined, done: number, total: number) =>
    `${rows === undefined ? '' : `Đã kiểm tra ${n(rows)} dòng · `}đang nhận kết quả (${n(done)}/${n(total)})…`,
  cancelRun: 'Hủy',
  cancelRunLabel: 'Hủy lần kiểm tra đang chạy',
  cancelledBrowser: 'Đã hủy. Tệp đã chọn không thay đổi và chưa có kết quả để tải xuống.',
  cancelledOffice: 'Đã hủy. Bảng tính không bị ghi gì.',
  moreGroups: (count: number) => `… và ${n(count)} nhóm nữa: xem sheet "Kiểm tra" sau khi tính chỉ tiêu.`,

  programSection: 'Chương trình',
  fileSection: 'Tệp số liệu',
  actions: 'Công việc',
  makeTemplate: 'Tạo mẫu nhập liệu',
  check: 'Kiểm tra dữ liệu',
  compute: 'Tính chỉ tiêu',
  clear: 'Xóa kết quả',
  templateDone: (sheets: readonly string[]) =>
    `Đã tạo ${sheets.map((s) => `sheet "${s}"`).join(' và ')}. Nhập số liệu từ dòng 2; các cột Có/Không, xếp loại, khu vực có danh sách chọn.`,
  templateKept: (sheet: string) => `Sheet "${sheet}" đã có nên được giữ nguyên.`,
  templateExists: (sheet: string) =>
    `Tệp đã có sheet "${sheet}", mẫu không ghi đè lên số liệu. Hãy đổi tên sheet đó hoặc tạo mẫu trong một tệp mới.`,
  computeDone: 'Đã ghi các cột kết quả, sheet "Tổng hợp" và sheet "Kiểm tra".',
  clearDone: 'Đã xóa các cột kết quả, sheet "Tổng hợp" và "Kiểm tra"; màu ô trả lại như cũ.',
  nothingToClear: 'Tệp chưa có kết quả nào để xóa.',
  noTargetSheet: 'Tệp không còn sheet "Chỉ tiêu". Hãy chọn một bộ chỉ tiêu có sẵn.',

  busyCheck: 'Đang đọc bảng số liệu và kiểm tra…',
  busyCompute: 'Đang tính chỉ tiêu và ghi kết quả…',
  busyTemplate: 'Đang tạo mẫu nhập liệu…',
  busyClear: 'Đang xóa kết quả…',
  busyFix: 'Đang sửa các ô…',
  busyUndo: 'Đang trả lại các ô như cũ…',
  busyCopy: 'Đang chép bộ chỉ tiêu…',
  busyOpen: 'Đang đọc tệp…',

  resultContext: (year: number, sheet: string, units: number) => `Năm ${year} · sheet "${sheet}" · ${n(units)} đơn vị`,

  problems: 'Lỗi và cảnh báo',
  /** "3 lỗi, 1 cảnh báo", "2 lỗi", "1 cảnh báo": a zero count is left out. */
  problemCounts: (errors: number, warnings: number) =>
    [errors ? `${n(errors)} lỗi` : '', warnings ? `${n(warnings)} cảnh báo` : ''].filter(Boolean).join(', '),
  noProblems: 'Không có lỗi nào: số liệu dùng được để tính chỉ tiêu.',
  groupBy: 'Nhóm theo',
  byUnit: 'Đơn vị',
  byRule: 'Loại lỗi',
  wholeTable: 'Cả bảng (không thuộc đơn vị nào)',
  error: 'Lỗi',
  warning: 'Cảnh báo',
  selectCell: (cell: string) => `Chọn ô ${cell}`,
  moreProblems: (count: number) => `… và ${n(count)} mục nữa: xem sheet "Kiểm tra" sau khi tính chỉ tiêu.`,
  suggestedFix: (value: string) => `Nên sửa thành: ${value}`,

  fixes: 'Sửa tự động',
  fixesAvailable: (count: number) => `${n(count)} ô có thể sửa an toàn (chữ chuẩn, chữ Unicode, số gõ dạng chữ).`,
  fixApply: 'Sửa tự động',
  fixDone: (count: number) => `Đã sửa ${n(count)} ô.`,
  fixSkipped: (count: number) => `${n(count)} ô có công thức nên được giữ nguyên.`,
  undo: 'Hoàn tác',
  undoHint: (count: number) => `Lần sửa tự động vừa rồi đã đổi ${n(count)} ô. "Hoàn tác" trả các ô đó lại như cũ.`,
  undone: (count: number) => `Đã trả lại ${n(count)} ô như cũ.`,
  fixListLabel: 'Các ô sẽ sửa',

  indicators: 'Kết quả chỉ tiêu',
  indicatorColumn: 'Chỉ tiêu',
  statusColumn: 'Trạng thái',
  actual: 'Kết quả',
  target: 'Mục tiêu',
  reported: 'Có số liệu',
  statusCounts: 'Tóm tắt trạng thái',

  chooseFile: 'Chọn tệp .xlsx',
  fileHint: 'Tệp chỉ được đọc trên máy này, không gửi đi đâu.',
  fileChosen: (name: string) => `Tệp đang dùng: ${name}`,
  browserIntro: 'Đang mở ngoài Excel: chọn tệp số liệu và bộ chỉ tiêu, rồi tải xuống tệp kết quả.',
  runBrowser: 'Kiểm tra và tính chỉ tiêu',
  download: 'Tải xuống kết quả',
  browserDone: (name: string) => `Xong. Bấm "Tải xuống kết quả" để lưu tệp ${name}.`,
  browserFixesHint: (count: number) =>
    `${n(count)} ô có thể sửa tự động khi dùng trong Excel; tệp tải xuống giữ nguyên những gì bạn đã gõ.`,
  pickFileFirst: 'Hãy chọn tệp .xlsx trước.',

  intakeSection: 'Nhập báo cáo CĐCS',
  intakeTargetSet: (label: string) => `Bộ chỉ tiêu: ${label}`,
  intakeInput: 'Chọn các tệp báo cáo .xlsx',
  intakeDropZone: 'Kéo thả các tệp báo cáo .xlsx vào đây, hoặc bấm để chọn tệp',
  intakeDropHere: 'Thả tệp để chọn',
  intakeChosen: (count: number) => `${n(count)} tệp, nhập theo thứ tự tên:`,
  intakeMoreChosen: (count: number) => `… và ${n(count)} tệp nữa`,
  intakeRun: 'Nhập vào bảng tổng hợp',
  intakeHint:
    'Các đơn vị được thêm vào sheet "Dữ liệu CĐCS"; tệp nhận sau thay số liệu cùng đơn vị, cùng năm; tệp đã nhập rồi không làm thay đổi gì. Sheet đó được ghi lại toàn bộ mỗi lần nhập: dòng đơn vị đã có được giữ, còn định dạng, công thức và cột kết quả cũ thì không. Nhập xong, bấm "Tính chỉ tiêu" để tính lại.',
  busyIntakeLoad: 'Đang chuẩn bị đọc tệp .xlsx…',
  busyIntakeRead: (index: number, total: number) => `Đang đọc tệp ${n(index)}/${n(total)}…`,
  busyIntakeWrite: 'Đang ghi bảng tổng hợp…',
  busyIntakeCheck: 'Đang kiểm tra bảng tổng hợp…',
  intakeNoFiles: 'Hãy chọn ít nhất một tệp .xlsx.',
  intakeReaderFailed: 'Không tải được phần đọc tệp .xlsx của Chỉ tiêu CĐCS. Hãy kiểm tra kết nối mạng rồi thử lại.',
  intakeUnreadable: 'Không đọc được tệp (tệp đã bị xóa, bị di chuyển, đang bị khóa, hoặc là một thư mục). Hãy chọn lại tệp.',
  intakeUnexpected: (detail: string) => `Có lỗi không mong đợi khi đọc tệp (${detail}). Hãy mở tệp trong Excel, lưu lại thành .xlsx rồi nhập lại.`,
  intakeMasterNotTable: (sheet: string) =>
    `Sheet "${sheet}" đã có nội dung nhưng không phải bảng số liệu CĐCS, và việc nhập sẽ ghi đè sheet này. Hãy đổi tên sheet đó rồi nhập lại.`,
  intakeConfirmLost: (columns: readonly string[], totalsRows: number) =>
    `Sheet "Dữ liệu CĐCS" sẽ được ghi lại theo bộ chỉ tiêu đang chọn, và những phần sau của sheet sẽ mất: ${[
      ...(columns.length ? [`cột ${columns.map((c) => `"${c}"`).join(', ')}`] : []),
      ...(totalsRows ? [`${n(totalsRows)} dòng tổng cộng`] : []),
    ].join('; ')}. Nếu cần giữ, hãy chép chúng ra chỗ khác trước (hoặc chọn lại bộ chỉ tiêu đã dùng để tạo bảng).`,
  intakeProceed: 'Vẫn nhập',
  intakeDone: (units: number, counts: Readonly<Record<FileStatus, number>>) =>
    `Xong: sheet "Dữ liệu CĐCS" có ${n(units)} đơn vị. ` +
    [
      counts.accepted ? `${n(counts.accepted)} tệp được nhập` : '',
      counts.replaced ? `${n(counts.replaced)} tệp bị tệp sau thay thế` : '',
      counts.duplicate ? `${n(counts.duplicate)} tệp trùng lặp` : '',
      counts.rejected ? `${n(counts.rejected)} tệp không dùng được` : '',
    ]
      .filter(Boolean)
      .join(', ') +
    '.',
  intakeUnchanged: 'Không có số liệu mới: sheet "Dữ liệu CĐCS" giữ nguyên.',
  intakeNothing: 'Không có tệp nào dùng được nên chưa tạo sheet "Dữ liệu CĐCS".',
  intakeReport: 'Kết quả nhập từng tệp',
  intakeStatus: { accepted: 'Đã nhập', replaced: 'Bị thay thế', duplicate: 'Trùng lặp', rejected: 'Không dùng được' } as Readonly<Record<FileStatus, string>>,
  intakeUnits: (taken: number, inFile: number) => `${n(taken)}/${n(inFile)} đơn vị được đưa vào bảng tổng hợp`,
  intakeFileProblems: (counts: string) => `${counts} trong tệp`,
  intakeProblemsIn: (sheet: string) => `Địa chỉ ô trong tệp gốc, sheet "${sheet}":`,
  intakeMoreProblems: (count: number) => `… và ${n(count)} mục nữa. Sửa trong tệp gốc rồi nhập lại.`,
  intakePrevious: (reason: string) => `Bảng tổng hợp trước khi nhập: ${reason}`,

  requirementsNotMet: (api: string) =>
    `Phiên bản Excel này chưa chạy được Chỉ tiêu CĐCS: cần Excel 2021, Excel của Microsoft 365 hoặc Excel trên web (ExcelApi ${api}). Hãy cập nhật Office hoặc mở tệp bằng Excel trên web (office.com).`,
  unexpected: (detail: string) =>
    `Có lỗi không mong đợi (${detail}). Hãy thử lại; nếu vẫn lỗi, lưu tệp rồi mở lại Excel.`,

  status: STATUS_LABEL as Readonly<Record<Status, string>>,
  rule: RULE_LABEL as Readonly<Record<RuleId, string>>,
  ...cycleVi,
};

/** The shape every language provides: the Vietnamese table is the reference. */
export type Strings = typeof vi;

const en: Strings = {
  lang: 'en',
  appTitle: 'Chỉ tiêu CĐCS',
  switchLanguage: 'Tiếng Việt',
  switchLanguageLabel: 'Switch the pane to Vietnamese',
  connecting: 'Connecting to Excel…',
  loadingBrowserMode: 'Opening browser mode…',

  targetSet: 'Target set',
  sheetTargetSet: 'The workbook\'s "Chỉ tiêu" sheet',
  sheetTargetSetHint: 'Uses the targets as edited in the workbook\'s "Chỉ tiêu" sheet.',
  copySet: 'Copy to the "Chỉ tiêu" sheet to edit',
  confirmOverwriteTargets: 'The workbook already has a "Chỉ tiêu" sheet. Overwriting replaces all of it with the chosen set.',
  overwrite: 'Overwrite',
  cancel: 'Cancel',
  copied: 'Copied the set to the "Chỉ tiêu" sheet. Results now use that sheet; edit the targets there.',
  useSet: (id) => `Use set ${id}`,
  reportYear: 'Report year (Năm báo cáo)',
  reportYearHint: 'Leave empty to take the year from the Năm column, the table title, the sheet name or the file name.',
  reportYearPlaceholder: 'automatic',
  badYear: (text) => `"${text}" is not a year: type a four-digit year such as 2024, or leave it empty.`,
  reportingBody: 'Reporting body (Đơn vị báo cáo)',
  reportingBodyHint: 'The union making the report, printed at the top of "Tổng hợp". Leave empty to use the one given last time, or the target set\'s issuer.',
  reportingBodyPlaceholder: 'e.g. CÔNG ĐOÀN VIÊN CHỨC TỈNH',
  progressLabel: 'Progress',
  progressRead: 'Reading the data table…',
  progressCheck: (rows) => `${n(rows)} rows read · checking…`,
  progressWrite: (rows) => `${n(rows)} rows checked · preparing the results…`,
  progressReceive: (rows, done, total) => `${rows === undefined ? '' : `${n(rows)} rows checked · `}receiving the results (${n(done)}/${n(total)})…`,
  cancelRun: 'Cancel',
  cancelRunLabel: 'Cancel the running check',
  cancelledBrowser: 'Cancelled. The chosen file is unchanged and there is no result to download yet.',
  cancelledOffice: 'Cancelled. Nothing was written to the workbook.',
  moreGroups: (count) => `… and ${n(count)} more groups: see the "Kiểm tra" sheet after computing.`,

  programSection: 'Program',
  fileSection: 'Data file',
  actions: 'Tasks',
  makeTemplate: 'Create data-entry template',
  check: 'Check data',
  compute: 'Compute indicators',
  clear: 'Remove results',
  templateDone: (sheets) =>
    `Created ${sheets.map((s) => `sheet "${s}"`).join(' and ')}. Enter data from row 2; yes/no, rating and sector columns have drop-down lists.`,
  templateKept: (sheet) => `Sheet "${sheet}" already existed and was left as it was.`,
  templateExists: (sheet) =>
    `The workbook already has a sheet "${sheet}"; the template never overwrites data. Rename that sheet or create the template in a new workbook.`,
  computeDone: 'Wrote the result columns and the "Tổng hợp" and "Kiểm tra" sheets.',
  clearDone: 'Removed the result columns and the "Tổng hợp" and "Kiểm tra" sheets; cell colours are back as they were.',
  nothingToClear: 'The workbook has no results to remove.',
  noTargetSheet: 'The workbook no longer has a "Chỉ tiêu" sheet. Choose a built-in target set.',

  busyCheck: 'Reading and checking the data table…',
  busyCompute: 'Computing indicators and writing results…',
  busyTemplate: 'Creating the data-entry template…',
  busyClear: 'Removing results…',
  busyFix: 'Fixing cells…',
  busyUndo: 'Putting cells back…',
  busyCopy: 'Copying the target set…',
  busyOpen: 'Reading the file…',

  resultContext: (year, sheet, units) => `Year ${year} · sheet "${sheet}" · ${n(units)} units`,

  problems: 'Errors and warnings',
  problemCounts: (errors, warnings) =>
    [
      errors ? `${n(errors)} error${errors === 1 ? '' : 's'}` : '',
      warnings ? `${n(warnings)} warning${warnings === 1 ? '' : 's'}` : '',
    ]
      .filter(Boolean)
      .join(', '),
  noProblems: 'No problems: the data can be used to compute the indicators.',
  groupBy: 'Group by',
  byUnit: 'Unit',
  byRule: 'Rule',
  wholeTable: 'Whole table (no unit)',
  error: 'Error',
  warning: 'Warning',
  selectCell: (cell) => `Select cell ${cell}`,
  moreProblems: (count) => `… and ${n(count)} more: see the "Kiểm tra" sheet after computing.`,
  suggestedFix: (value) => `Suggested fix: ${value}`,

  fixes: 'Automatic fixes',
  fixesAvailable: (count) => `${n(count)} cells can be fixed safely (canonical text, Unicode, numbers typed as text).`,
  fixApply: 'Fix automatically',
  fixDone: (count) => `Fixed ${n(count)} cells.`,
  fixSkipped: (count) => `${n(count)} cells hold a formula and were left alone.`,
  undo: 'Undo',
  undoHint: (count) => `The last automatic fix changed ${n(count)} cells. "Undo" puts them back as they were.`,
  undone: (count) => `Put ${n(count)} cells back as they were.`,
  fixListLabel: 'Cells to fix',

  indicators: 'Indicator results',
  indicatorColumn: 'Indicator',
  statusColumn: 'Status',
  actual: 'Result',
  target: 'Target',
  reported: 'Units with data',
  statusCounts: 'Status summary',

  chooseFile: 'Choose an .xlsx file',
  fileHint: 'The file is only read on this computer and sent nowhere.',
  fileChosen: (name) => `File: ${name}`,
  browserIntro: 'Opened outside Excel: choose the data file and the target set, then download the result file.',
  runBrowser: 'Check and compute indicators',
  download: 'Download results',
  browserDone: (name) => `Done. Click "Download results" to save ${name}.`,
  browserFixesHint: (count) =>
    `${n(count)} cells can be fixed automatically in Excel; the downloaded file keeps what you typed.`,
  pickFileFirst: 'Choose an .xlsx file first.',

  intakeSection: 'Import CĐCS returns',
  intakeTargetSet: (label) => `Target set: ${label}`,
  intakeInput: 'Choose .xlsx return files',
  intakeDropZone: 'Drop .xlsx return files here, or click to choose files',
  intakeDropHere: 'Drop to choose these files',
  intakeChosen: (count) => `${n(count)} file${count === 1 ? '' : 's'}, imported in name order:`,
  intakeMoreChosen: (count) => `… and ${n(count)} more`,
  intakeRun: 'Import into the master table',
  intakeHint:
    'Units are added to the "Dữ liệu CĐCS" sheet; a later file replaces the same unit and year; a file imported before changes nothing. That sheet is rewritten whole on every import: its unit rows are kept, its formatting, formulas and old result columns are not. After importing, click "Compute indicators" again.',
  busyIntakeLoad: 'Preparing to read .xlsx files…',
  busyIntakeRead: (index, total) => `Reading file ${n(index)}/${n(total)}…`,
  busyIntakeWrite: 'Writing the master table…',
  busyIntakeCheck: 'Checking the master table…',
  intakeNoFiles: 'Choose at least one .xlsx file.',
  intakeReaderFailed: "Could not load Chỉ tiêu CĐCS's .xlsx reader. Check the network connection and try again.",
  intakeUnreadable: 'The file could not be read (deleted, moved, locked, or a folder). Choose it again.',
  intakeUnexpected: (detail) => `Unexpected error while reading the file (${detail}). Open it in Excel, save it as .xlsx and import it again.`,
  intakeMasterNotTable: (sheet) =>
    `Sheet "${sheet}" holds something that is not a CĐCS data table, and importing would overwrite it. Rename that sheet and import again.`,
  intakeConfirmLost: (columns, totalsRows) =>
    `The "Dữ liệu CĐCS" sheet will be rewritten for the chosen target set, and these parts of it will be lost: ${[
      ...(columns.length ? [`column${columns.length === 1 ? '' : 's'} ${columns.map((c) => `"${c}"`).join(', ')}`] : []),
      ...(totalsRows ? [`${n(totalsRows)} totals row${totalsRows === 1 ? '' : 's'}`] : []),
    ].join('; ')}. To keep them, copy them elsewhere first (or choose the target set the table was made with).`,
  intakeProceed: 'Import anyway',
  intakeDone: (units, counts) =>
    `Done: the "Dữ liệu CĐCS" sheet holds ${n(units)} unit${units === 1 ? '' : 's'}. ` +
    [
      counts.accepted ? `${n(counts.accepted)} imported` : '',
      counts.replaced ? `${n(counts.replaced)} replaced by later files` : '',
      counts.duplicate ? `${n(counts.duplicate)} duplicate${counts.duplicate === 1 ? '' : 's'}` : '',
      counts.rejected ? `${n(counts.rejected)} unusable` : '',
    ]
      .filter(Boolean)
      .join(', ') +
    '.',
  intakeUnchanged: 'No new data: the "Dữ liệu CĐCS" sheet is unchanged.',
  intakeNothing: 'No file could be used, so no "Dữ liệu CĐCS" sheet was created.',
  intakeReport: 'Import result per file',
  intakeStatus: { accepted: 'Imported', replaced: 'Replaced', duplicate: 'Duplicate', rejected: 'Unusable' },
  intakeUnits: (taken, inFile) => `${n(taken)}/${n(inFile)} units went into the master table`,
  intakeFileProblems: (counts) => `${counts} in the file`,
  intakeProblemsIn: (sheet) => `Cell addresses in the original file, sheet "${sheet}":`,
  intakeMoreProblems: (count) => `… and ${n(count)} more. Fix them in the original file and import it again.`,
  intakePrevious: (reason) => `Master table before the import: ${reason}`,

  requirementsNotMet: (api) =>
    `This version of Excel cannot run Chỉ tiêu CĐCS: it needs Excel 2021, Excel for Microsoft 365 or Excel on the web (ExcelApi ${api}). Update Office or open the file in Excel on the web (office.com).`,
  unexpected: (detail) => `An unexpected error occurred (${detail}). Try again; if it persists, save the file and restart Excel.`,

  ...cycleEn,
  status: { DAT: 'Met', CHUA_DAT: 'Not met', THIEU_DU_LIEU: 'Missing data', KHONG_AP_DUNG: 'Not applicable' },
  rule: {
    missing_column: 'Missing column',
    unknown_column: 'Unrecognised column',
    required_missing: 'Required value missing',
    not_a_number: 'Not a number',
    negative: 'Negative number',
    not_integer: 'Not a whole number',
    exceeds_total: 'Exceeds its total',
    invalid_choice: 'Invalid value',
    duplicate_unit: 'Duplicate unit',
    total_row_mismatch: 'Totals row does not add up',
    legacy_encoding: 'Legacy encoding (TCVN3/VNI)',
    year_mismatch: 'Different report year',
    formula_error: 'Formula error in cell',
  },
};

const TABLES: Readonly<Record<Lang, Strings>> = { vi, en };

/** The strings of one language. */
export function stringsFor(lang: Lang): Strings {
  return TABLES[lang];
}
