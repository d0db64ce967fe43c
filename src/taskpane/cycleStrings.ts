/**
 * The pane's words for the reporting cycle (spec/interfaces.md "The reporting cycle"): the unit
 * register, the send-out of pre-filled returns, chasing the missing ones, and progress over the
 * years. Kept apart from i18n.ts (which spreads them into its tables) so the cycle reads as one part.
 */
import { formatNumber } from '../domain/format';

const n = (value: number): string => formatNumber(value);

/** The Vietnamese words (the reference shape). */
export const cycleVi = {
  cycleSection: 'Chu kỳ báo cáo',
  cycleIntro: 'Lập danh bạ CĐCS, gửi mỗi đơn vị một mẫu báo cáo đã điền sẵn tên và mã, rồi theo dõi đơn vị nào chưa nộp khi nhập báo cáo.',
  registerOnSheet: (sheet: string, units: number | undefined) => `Danh bạ: sheet "${sheet}"${units === undefined ? '' : `, ${n(units)} đơn vị`}.`,
  registerUnreadable: (sheet: string, reason: string) => `Sheet "${sheet}" chưa đọc được: ${reason}`,
  registerNone: 'Tệp chưa có sheet "Danh bạ CĐCS": mẫu gửi sẽ lấy các đơn vị trong bảng số liệu.',
  makeRegister: 'Tạo danh bạ CĐCS',
  busyRegister: 'Đang lập danh bạ từ bảng số liệu…',
  registerDone: (sheet: string, units: number) =>
    `Đã ghi sheet "${sheet}" với ${n(units)} đơn vị. Điền người liên hệ, điện thoại, email ngay trên sheet để biết gọi ai khi đơn vị chưa nộp.`,
  registerBrowserDone: (units: number, name: string) =>
    `Đã thêm sheet "Danh bạ CĐCS" (${n(units)} đơn vị). Bấm "Tải xuống tệp có danh bạ" để lưu ${name}; từ lần tính chỉ tiêu sau, tệp kết quả cũng có sheet này.`,
  registerExists: (sheet: string) =>
    `Tệp đã có sheet "${sheet}", và danh bạ không bị ghi đè (có thể đã có người liên hệ). Muốn lập lại từ bảng số liệu, hãy đổi tên hoặc xóa sheet đó trước.`,
  registerNoTable: 'Không tìm thấy bảng số liệu CĐCS để lập danh bạ: cần một sheet có cột mã đơn vị và tên đơn vị.',
  registerEmpty: 'Bảng số liệu chưa có đơn vị nào (chưa có dòng nào ghi mã đơn vị), nên chưa lập được danh bạ.',
  downloadRegister: 'Tải xuống tệp có danh bạ',
  sendOut: 'Tạo mẫu gửi CĐCS',
  sendOutHint: (year: number) =>
    `Mỗi đơn vị một tệp bao-cao-<mã đơn vị>-${year}.xlsx theo bộ chỉ tiêu đang chọn: tên, mã đơn vị điền sẵn và khóa, ô nhập có danh sách chọn. Năm của mẫu lấy ở ô "Năm báo cáo".`,
  busySendOut: 'Đang tạo các tệp mẫu gửi CĐCS…',
  sendOutDone: (files: number, name: string) => `Đã tạo ${n(files)} tệp mẫu trong ${name}. Bấm nút tải xuống để lưu, rồi gửi mỗi tệp cho đơn vị có mã trong tên tệp.`,
  downloadZip: (name: string) => `Tải xuống ${name}`,
  sendOutFromTable: 'Chưa có sheet "Danh bạ CĐCS" nên danh sách đơn vị lấy từ bảng số liệu.',
  sendOutCommandIntro:
    'Trong Excel, phần bổ trợ không tải được tệp .zip xuống máy một cách chắc chắn. Hãy tạo mẫu bằng dòng lệnh: lưu tệp này, mở cửa sổ lệnh ở thư mục chứa tệp (nơi đã cài Chỉ tiêu CĐCS) và chạy:',
  sendOutCommandAfter: (dir: string) => `Mỗi đơn vị một tệp trong thư mục ${dir}.`,
  sendOutCommandLabel: 'Lệnh tạo mẫu gửi CĐCS',
  sendOutCommandSheetSet:
    'Dòng lệnh chỉ dùng bộ chỉ tiêu có sẵn: chọn bộ gần nhất trong danh sách "Bộ chỉ tiêu" để có lệnh đầy đủ; mục tiêu đã sửa không ảnh hưởng đến mẫu nhập.',
  sendOutUnsaved: 'TEN-TEP.xlsx',

  chasingSection: 'Theo dõi nộp báo cáo',
  chasingSummary: (received: number, expected: number, missing: number) =>
    missing > 0
      ? `Đã nhận ${n(received)}/${n(expected)} — còn ${n(missing)} đơn vị chưa nộp`
      : `Đã nhận ${n(received)}/${n(expected)} — đủ báo cáo của các đơn vị trong danh bạ`,
  chasingMissing: 'Đơn vị chưa nộp',
  chasingNoContact: 'Danh bạ chưa có người liên hệ',
  chasingMore: (count: number) => `… và ${n(count)} đơn vị nữa: xem sheet "Theo dõi nộp báo cáo".`,
  chasingUnknown: (file: string, code: string) =>
    `Tệp "${file}": mã đơn vị ${code} không có trong danh bạ CĐCS. Kiểm tra lại mã trong tệp, hoặc thêm đơn vị vào sheet "Danh bạ CĐCS" rồi nhập lại.`,
  chasingMismatch: (file: string, code: string, fileCode: string | undefined) =>
    fileCode
      ? `Tệp "${file}": tên tệp ghi mã ${fileCode} nhưng ô mã đơn vị trong tệp ghi ${code}. Hỏi lại đơn vị đã gửi tệp trước khi dùng số liệu.`
      : `Tệp "${file}": tên tệp và ô mã đơn vị (${code}) không khớp nhau. Hỏi lại đơn vị đã gửi tệp trước khi dùng số liệu.`,
  chasingWarnings: 'Tệp cần xem lại',

  historySection: 'Tiến độ qua các năm',
  historyHint:
    'Cho sơ kết, tổng kết: chọn các sheet số liệu của những năm trước (mỗi sheet một năm). Bảng đang tính được lấy cùng. Sheet "Tiến độ" ghi kết quả từng chỉ tiêu theo năm, mức thay đổi và biểu đồ.',
  historySheets: 'Sheet số liệu các năm trước',
  historyNoSheets:
    'Tệp chưa có sheet số liệu nào khác. Chép bảng số liệu của các năm trước vào tệp này, mỗi năm một sheet, rồi chọn ở đây.',
  historyRun: 'Tạo sheet Tiến độ',
  busyHistory: 'Đang đọc các sheet và lập tiến độ…',
  historyDone: (sheet: string, years: readonly number[]) => `Đã ghi sheet "${sheet}" cho các năm ${years.join(', ')}.`,
  historyBrowserDone: (years: readonly number[], name: string) =>
    `Đã thêm sheet "Tiến độ" cho các năm ${years.join(', ')}. Bấm "Tải xuống tệp có tiến độ" để lưu ${name}.`,
  historyPickOne: 'Hãy đánh dấu ít nhất một sheet của năm trước.',
  historyOneYear: 'Các sheet đã chọn và bảng đang tính chỉ cho số liệu của một năm: cần ít nhất hai năm khác nhau để lập tiến độ.',
  progressBuild: (done: number, total: number) => `Đã tạo ${n(done)}/${n(total)} tệp mẫu…`,
  downloadHistory: 'Tải xuống tệp có tiến độ',
};

/** The English words behind the switch. */
export const cycleEn: typeof cycleVi = {
  cycleSection: 'Reporting cycle',
  cycleIntro: 'Build the register of CĐCS, send each unit a return pre-filled with its name and code, then see who has not reported when importing returns.',
  registerOnSheet: (sheet, units) => `Register: sheet "${sheet}"${units === undefined ? '' : `, ${n(units)} units`}.`,
  registerUnreadable: (sheet, reason) => `Sheet "${sheet}" could not be read: ${reason}`,
  registerNone: 'The workbook has no "Danh bạ CĐCS" sheet: the returns will list the units of the data table.',
  makeRegister: 'Create the CĐCS register',
  busyRegister: 'Building the register from the data table…',
  registerDone: (sheet, units) => `Wrote sheet "${sheet}" with ${n(units)} units. Add contact person, phone and email there to know whom to call.`,
  registerBrowserDone: (units, name) =>
    `Added the "Danh bạ CĐCS" sheet (${n(units)} units). Click "Download the file with the register" to save ${name}; result files from the next computation on have it too.`,
  registerExists: (sheet) => `The workbook already has a sheet "${sheet}"; the register is never overwritten (it may hold contacts). Rename or delete it first to rebuild it.`,
  registerNoTable: 'No CĐCS data table to build the register from: a sheet needs unit code and name columns.',
  registerEmpty: 'The data table has no units yet (no row with a unit code), so no register was built.',
  downloadRegister: 'Download the file with the register',
  sendOut: 'Create returns to send to CĐCS',
  sendOutHint: (year) =>
    `One file bao-cao-<unit code>-${year}.xlsx per unit for the chosen target set: name and code pre-filled and locked, drop-down lists on the inputs. The year is the "Report year" field.`,
  busySendOut: 'Creating the returns to send…',
  sendOutDone: (files, name) => `Created ${n(files)} returns in ${name}. Download it, then send each file to the unit whose code is in its name.`,
  downloadZip: (name) => `Download ${name}`,
  sendOutFromTable: 'No "Danh bạ CĐCS" sheet: the units were taken from the data table.',
  sendOutCommandIntro:
    'In Excel the add-in cannot reliably download a .zip file. Create the returns from the command line: save this workbook, open a terminal in its folder (where Chỉ tiêu CĐCS is installed) and run:',
  sendOutCommandAfter: (dir) => `One file per unit in the folder ${dir}.`,
  sendOutCommandLabel: 'Command that creates the returns',
  sendOutCommandSheetSet: 'The command line takes a built-in target set: choose the closest one under "Target set" for a complete command; edited targets do not change the form.',
  sendOutUnsaved: 'FILE-NAME.xlsx',

  chasingSection: 'Return tracking',
  chasingSummary: (received, expected, missing) =>
    missing > 0 ? `Received ${n(received)}/${n(expected)} — ${n(missing)} units have not reported` : `Received ${n(received)}/${n(expected)} — every unit in the register has reported`,
  chasingMissing: 'Units that have not reported',
  chasingNoContact: 'No contact in the register',
  chasingMore: (count) => `… and ${n(count)} more: see the "Theo dõi nộp báo cáo" sheet.`,
  chasingUnknown: (file, code) => `File "${file}": unit code ${code} is not in the register. Check the code in the file, or add the unit to "Danh bạ CĐCS" and import again.`,
  chasingMismatch: (file, code, fileCode) =>
    fileCode
      ? `File "${file}": the file name says ${fileCode} but the unit code cell says ${code}. Ask the unit that sent it before using its figures.`
      : `File "${file}": the file name and the unit code cell (${code}) disagree. Ask the unit that sent it before using its figures.`,
  chasingWarnings: 'Files to look at',

  historySection: 'Progress over the years',
  historyHint:
    'For mid-term and final reviews: tick the data sheets of earlier years (one sheet per year). The table being computed is included. The "Tiến độ" sheet shows each indicator year by year, the change, and charts.',
  historySheets: 'Data sheets of earlier years',
  historyNoSheets: 'The workbook has no other data sheet. Copy the data tables of earlier years into it, one sheet per year, then tick them here.',
  historyRun: 'Create the Tiến độ sheet',
  busyHistory: 'Reading the sheets and building the progress…',
  historyDone: (sheet, years) => `Wrote sheet "${sheet}" for the years ${years.join(', ')}.`,
  historyBrowserDone: (years, name) => `Added the "Tiến độ" sheet for the years ${years.join(', ')}. Click "Download the file with the progress" to save ${name}.`,
  historyPickOne: 'Tick at least one sheet of an earlier year.',
  historyOneYear: 'The ticked sheets and the current table hold one year only: the progress needs at least two different years.',
  progressBuild: (done, total) => `${n(done)}/${n(total)} returns made…`,
  downloadHistory: 'Download the file with the progress',
};
