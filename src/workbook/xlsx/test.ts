/**
 * Test helpers (excluded from the build by its name): fixtures built with ExcelJS, an
 * independent writer/reader, and hand-made packages for XML that ExcelJS never writes.
 */
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { OutputPlan } from '../plan';
import { openXlsx } from './open';
import type { XlsxWorkbook } from './XlsxWorkbook';

export const DATA_SHEET = 'Dữ liệu CĐCS';

/**
 * A realistic return: merged title rows above a header, values of every kind, a formula with
 * its cached result, styles on user cells, a data validation, and a second sheet.
 */
export async function buildFixture(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(DATA_SHEET);
  ws.mergeCells('A1:F1');
  ws.getCell('A1').value = 'BÁO CÁO SỐ LIỆU CÔNG ĐOÀN CƠ SỞ NĂM 2024';
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.getCell('A1').alignment = { horizontal: 'center' };
  ws.getRow(3).values = ['Mã đơn vị', 'Tên đơn vị', 'Số đoàn viên', 'Xếp loại', 'Ngày báo cáo', 'Tổng'];
  ws.getRow(3).eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
  });
  ws.getRow(4).values = ['CD001', 'Công đoàn Trường A & B <x>', 45, 'Hoàn thành tốt nhiệm vụ', new Date(Date.UTC(2024, 0, 15)), null];
  ws.getCell('F4').value = { formula: 'C4*2', result: 90 };
  ws.getRow(5).values = ['CD002', { richText: [{ text: 'Công đoàn ', font: { bold: true } }, { text: 'Phường 3' }] }, 12.5, 'Hoàn thành nhiệm vụ', null, null];
  ws.getCell('F5').value = { error: '#REF!' } as ExcelJS.CellErrorValue;
  ws.getRow(6).values = ['CD003', '=1+1', true, false, null, null];
  ws.getCell('F6').value = { formula: 'B6&"x"', result: 'kết quả' };
  ws.getCell('D4').dataValidation = {
    type: 'list',
    allowBlank: true,
    formulae: ['"Hoàn thành tốt nhiệm vụ,Hoàn thành nhiệm vụ"'],
  };
  ws.getCell('E4').numFmt = 'dd/mm/yyyy';
  ws.getColumn(2).width = 30;
  const other = wb.addWorksheet('Ghi chú');
  other.getCell('A1').value = 'Ghi chú của người dùng';
  other.getCell('B2').value = 7;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export function mustOpen(bytes: Uint8Array): XlsxWorkbook {
  const r = openXlsx(bytes);
  if (!r.ok) throw new Error(`open failed: ${r.error.code}`);
  return r.value;
}

export async function readWithExcelJS(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

/** A package from literal parts (string or bytes), compressed with fflate. */
export function makeZip(files: Record<string, string | Uint8Array>): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  for (const [k, v] of Object.entries(files)) entries[k] = typeof v === 'string' ? strToU8(v) : v;
  return zipSync(entries, { mtime: new Date(2000, 0, 1) });
}

const CT_MAIN = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';
const CT_SHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const CT_SST = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A one-sheet package with hand-written sheet XML (and optional shared strings). */
export function handMadeXlsx(opts: {
  sheetXml: string;
  sharedStrings?: string;
  sheetName?: string;
  /** Absolute target for the sheet relationship, as some writers use. */
  absoluteTarget?: boolean;
  extra?: Record<string, string | Uint8Array>;
  extraContentTypes?: string;
}): Uint8Array {
  const name = opts.sheetName ?? 'Sheet1';
  const target = opts.absoluteTarget ? '/xl/worksheets/sheet1.xml' : 'worksheets/sheet1.xml';
  return makeZip({
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      `<Override PartName="/xl/workbook.xml" ContentType="${CT_MAIN}"/>` +
      `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="${CT_SHEET}"/>` +
      (opts.sharedStrings ? `<Override PartName="/xl/sharedStrings.xml" ContentType="${CT_SST}"/>` : '') +
      (opts.extraContentTypes ?? '') +
      '</Types>',
    '_rels/.rels': `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${R}"><sheets><sheet name="${name}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels':
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/worksheet" Target="${target}"/>` +
      (opts.sharedStrings ? `<Relationship Id="rId2" Type="${R}/sharedStrings" Target="sharedStrings.xml"/>` : '') +
      '</Relationships>',
    'xl/worksheets/sheet1.xml': opts.sheetXml,
    ...(opts.sharedStrings ? { 'xl/sharedStrings.xml': opts.sharedStrings } : {}),
    ...(opts.extra ?? {}),
  });
}

/** A plan like the renderer's: status columns on the data sheet plus a summary sheet. */
export function samplePlan(): OutputPlan {
  return {
    data: {
      sheet: DATA_SHEET,
      clearCols: [7, 8, 9],
      clearFromRow: 3,
      startCol: 7,
      rows: [
        { row: 3, cells: [{ v: 'Kết quả: Sáng kiến', s: 'output_header' }, { v: 'Kết quả: Bao phủ', s: 'output_header' }, { v: 'Lỗi dữ liệu', s: 'output_header' }] },
        { row: 4, cells: [{ v: 'Đạt', s: 'status_DAT' }, { v: 'Chưa đạt', s: 'status_CHUA_DAT' }, { v: 0, s: 'errors_none' }] },
        { row: 5, cells: [{ v: 'Thiếu dữ liệu', s: 'status_THIEU_DU_LIEU' }, { v: 'Không áp dụng', s: 'status_KHONG_AP_DUNG' }, { v: 2, s: 'errors_some' }] },
        { row: 6, cells: [{ v: '=1+1', s: 'status_DAT' }, { v: '+84912345678' }, { v: 1, s: 'errors_some' }] },
        { row: 8, cells: [{ v: '@SUM(A1)' }, { v: '-5' }, { v: true }] },
      ],
      colWidths: [16, 16, 10],
    },
    sheets: [
      {
        name: 'Tổng hợp',
        rows: [
          [{ v: 'CÔNG ĐOÀN CẤP TRÊN', s: 'org' }, null, null, { v: 'CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM', s: 'motto' }],
          [{ v: 'KẾT QUẢ THỰC HIỆN CHỈ TIÊU NĂM 2024', s: 'title' }],
          [],
          [
            { v: 'Mã', s: 'table_header' },
            { v: 'Chỉ tiêu', s: 'table_header' },
            { v: 'Mục tiêu', s: 'table_header' },
            { v: 'Kết quả', s: 'table_header' },
            { v: 'Đạt/Chưa đạt', s: 'table_header' },
          ],
          [
            { v: 'sang_kien_15', s: 'cell' },
            { v: 'Tỷ lệ CĐCS có sáng kiến', s: 'cell' },
            { v: 0.9, s: 'cell_number' },
            { v: 1234567, s: 'cell_number' },
            { v: 'Đạt', s: 'status_DAT', link: { sheet: DATA_SHEET, cell: 'H4' } },
          ],
        ],
        colWidths: [14, 40, 12, 12, 14],
        rowHeights: { 2: 32 },
        merges: ['A1:C1', 'A2:E2'],
        freeze: { rows: 4, cols: 0 },
        validations: [{ range: 'E5:E20', list: ['Đạt', 'Chưa đạt', 'Có "ngoặc"'] }],
        page: { landscape: true, fitToWidth: true, printTitleRows: [4, 4] },
      },
    ],
  };
}

/** Rewrites the uncompressed size of one entry in the central directory (and local header): a lying zip. */
export function lieAboutSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = zip.slice();
  const v = new DataView(out.buffer);
  let eocd = out.length - 22;
  while (v.getUint32(eocd, true) !== 0x06054b50) eocd--;
  let p = v.getUint32(eocd + 16, true);
  const count = v.getUint16(eocd + 10, true);
  for (let i = 0; i < count; i++) {
    const nameLen = v.getUint16(p + 28, true);
    const entryName = new TextDecoder().decode(out.subarray(p + 46, p + 46 + nameLen));
    if (entryName === name) {
      v.setUint32(p + 24, size, true);
      v.setUint32(v.getUint32(p + 42, true) + 22, size, true);
    }
    p += 46 + nameLen + v.getUint16(p + 30, true) + v.getUint16(p + 32, true);
  }
  return out;
}

/** Every part of a package, inflated, by name. */
export function partsOf(zip: Uint8Array): Record<string, string> {
  const files = unzipSync(zip);
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(files)) out[k] = strFromU8(v);
  return out;
}
