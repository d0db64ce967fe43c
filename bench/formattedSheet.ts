/**
 * A return as offices really save them: 30 units of the bd-cdvc-2024 table, and borders applied
 * down to Excel's last row (1,048,576), so every row below the table holds cells that carry only
 * a format. Written as raw OOXML (ExcelJS would take minutes to write a million rows).
 * Used by the layouts test and by `npm run bench`.
 */
import { strToU8, zipSync } from 'fflate';
import { BD_CDVC_2024_HEADERS as HEADERS } from '../test/support/bdCdvc2024Headers';

/** Excel's last row. */
export const LAST_ROW = 1_048_576;


const COLS = 'ABCDEFGHIJKLM';

const esc = (t: string): string => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const text = (ref: string, t: string): string => `<c r="${ref}" s="1" t="inlineStr"><is><t>${esc(t)}</t></is></c>`;
const num = (ref: string, n: number): string => `<c r="${ref}" s="1"><v>${n}</v></c>`;

/**
 * The package. Unit i (1-based, row i + 1): 20 eligible, 20 members, i % 5 initiatives, all
 * yes/no cells Có, rated Hoàn thành tốt nhiệm vụ. Rows 32 … 1,048,576: A and M bordered, empty.
 *
 * @example
 * const bytes = formattedToLastRow(30); // ≈ 40 MB of sheet XML, ≈ 0.2 MB zipped
 */
export function formattedToLastRow(units = 30): Uint8Array {
  const rows: string[] = [];
  rows.push(`<row r="1">${HEADERS.map((h, c) => text(`${COLS[c]}1`, h)).join('')}</row>`);
  for (let i = 1; i <= units; i++) {
    const r = i + 1;
    const cells = [
      text(`A${r}`, `CD${String(i).padStart(3, '0')}`),
      text(`B${r}`, `CĐCS số ${i}`),
      text(`C${r}`, 'Nhà nước'),
      num(`D${r}`, 2024),
      num(`E${r}`, 20),
      num(`F${r}`, 20),
      num(`G${r}`, i % 5),
      ...'HIJKL'.split('').map((c) => text(`${c}${r}`, 'Có')),
      text(`M${r}`, 'Hoàn thành tốt nhiệm vụ'),
    ];
    rows.push(`<row r="${r}">${cells.join('')}</row>`);
  }
  const sheetHead =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:M1048576"/><sheetData>';
  // The million bordered rows are built in chunks: one string per 10,000 rows.
  const chunks: string[] = [sheetHead, rows.join('')];
  for (let from = units + 2; from <= LAST_ROW; from += 10_000) {
    let part = '';
    for (let r = from; r < from + 10_000 && r <= LAST_ROW; r++) part += `<row r="${r}"><c r="A${r}" s="1"/><c r="M${r}" s="1"/></row>`;
    chunks.push(part);
  }
  chunks.push('</sheetData></worksheet>');
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
    'xl/workbook.xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Số liệu" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
    ),
    'xl/styles.xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Times New Roman"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="2"><border/><border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>',
    ),
    'xl/worksheets/sheet1.xml': strToU8(chunks.join('')),
  }, { level: 1 });
}
