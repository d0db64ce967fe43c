/**
 * Property test over the xlsx writer (issue 7): on generated workbooks, `chitieu check --out`
 * never loses a user's cell or sheet, keeps its status columns visible and inside XFD, writes
 * XML that parses, and re-checking its own output settles to the same bytes.
 *
 * Inputs are raw OOXML built here (so the test controls `<c r s t><f>`, `<cols>`, `<mergeCells>`,
 * sheet names and order) and zipped with fflate. Outputs are read back by a small reader in this
 * file, on saxes (a strict, namespace-aware XML parser that ExcelJS depends on), never by the
 * product's own reader.
 *
 * A failure prints the generated model (sheet names, the data sheet's place, cells beside the
 * table, strays, `<col>` ranges, merges, user sheets) and below it every broken rule as
 * `[cause] detail`; causes found on the re-run's output are prefixed `re-run/`.
 */
import fc from 'fast-check';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { run } from '../src/cli/main';
import type { Io } from '../src/cli/commands';
import { BD_CDVC_2024_HEADERS } from './support/bdCdvc2024Headers';

// ---------------------------------------------------------------------------------------------
// Fixed parameters
// ---------------------------------------------------------------------------------------------

const SEED = 20240607;
const NUM_RUNS = 200;
const MAX_COL = 16384; // XFD
/**
 * Columns the product adds for bd-cdvc-2024, counted by hand from spec/indicators.md (the same
 * list test/cli.test.ts spells out): 7 per-unit indicators (co_ke_hoach, dang_ky_thi_dua,
 * bao_phu_dv, phat_dong_cds, sang_kien_15, dang_ky_vh, dat_chuan_vh) + `Lỗi dữ liệu` = 8.
 */
const STATUS_COLS = 8;
const TODAY = new Date(2025, 2, 3);

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT_NS = 'http://schemas.openxmlformats.org/package/2006/content-types';
const CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

/** Names a user may give a sheet: the product's own names in several cases, and ordinary ones. */
const SHEET_NAMES = [
  'Tổng hợp',
  'TỔNG HỢP',
  'tổng hợp',
  'Tổng Hợp',
  'Kiểm tra',
  'KIỂM TRA',
  'kiểm tra',
  'Danh sách đơn vị',
  'DANH SÁCH ĐƠN VỊ',
  'danh sách đơn vị',
  'Tổng hợp (2)',
  'Kiểm tra (2)',
  'Dữ liệu',
  'Số liệu CĐCS',
  'Sheet1',
  'Ghi chú',
  'Tong hop',
] as const;

// ---------------------------------------------------------------------------------------------
// Cell references
// ---------------------------------------------------------------------------------------------

function colName(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const ref = (row: number, col: number): string => `${colName(col)}${row}`;

function parseRef(r: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]+)\$?(\d+)$/.exec(r);
  if (!m) throw new Error(`bad cell reference "${r}"`);
  return { col: colNumber(m[1]), row: Number(m[2]) };
}

interface Range {
  readonly r1: number;
  readonly c1: number;
  readonly r2: number;
  readonly c2: number;
}

function parseRange(s: string): Range {
  const [a, b] = s.split(':');
  const p = parseRef(a);
  const q = parseRef(b ?? a);
  return { r1: Math.min(p.row, q.row), c1: Math.min(p.col, q.col), r2: Math.max(p.row, q.row), c2: Math.max(p.col, q.col) };
}

const overlaps = (a: Range, b: Range): boolean => a.r1 <= b.r2 && b.r1 <= a.r2 && a.c1 <= b.c2 && b.c1 <= a.c2;

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

// ---------------------------------------------------------------------------------------------
// The model a case is generated as (small, so a shrunk counterexample reads well)
// ---------------------------------------------------------------------------------------------

type Kind = 'num' | 'text' | 'formula' | 'emptyStrFormula' | 'styledEmpty';

interface UnitModel {
  readonly area: 0 | 1;
  readonly eligible: number;
  readonly members: number;
  readonly ideas: number;
  readonly bools: readonly (0 | 1 | 2)[];
  readonly rating: number;
}

/** A cell right of the table, in the header row (row 0) or unit row i (1-based). */
interface BesideModel {
  readonly row: number;
  readonly dc: number;
  readonly kind: Kind;
}

/** A stray cell far right: column `far` past the table, or absolute when `abs`. */
interface StrayModel {
  readonly row: number;
  readonly far: number;
  readonly abs: boolean;
}

interface ColModel {
  /** First column, relative to the table's last column (`rel`) or absolute. */
  readonly start: number;
  readonly rel: boolean;
  /** Columns in the range; 0 runs to XFD. */
  readonly len: number;
  readonly hidden: boolean;
  readonly style: number;
}

/** A merge right of the table that covers the header row. */
interface MergeModel {
  readonly dc: number;
  readonly w: number;
  readonly up: boolean;
  readonly down: boolean;
  readonly text: boolean;
}

interface DataModel {
  readonly titleRows: number;
  readonly titleMerge: boolean;
  readonly c0: number;
  readonly stt: boolean;
  readonly order: readonly number[];
  readonly units: readonly UnitModel[];
  readonly beside: readonly BesideModel[];
  readonly sharedFormula: number; // 0: none, else its column past the table
  readonly strays: readonly StrayModel[];
  readonly cols: readonly ColModel[];
  readonly merges: readonly MergeModel[];
}

interface UserCellModel {
  readonly row: number;
  readonly col: number;
  readonly kind: Kind | 'dataRef' | 'nameRef';
}

interface UserSheetModel {
  readonly hidden: boolean;
  readonly cells: readonly UserCellModel[];
  readonly names: number;
  readonly printArea: boolean;
}

interface WorkbookModel {
  readonly names: readonly string[]; // names[0] is the data sheet's
  readonly dataAt: number;
  readonly data: DataModel;
  readonly users: readonly UserSheetModel[];
  readonly tableName: boolean;
  readonly calcChain: boolean;
  readonly inlineStrings: boolean;
  readonly partShift: number;
  readonly sheetArg: boolean;
}

const kindArb = fc.constantFrom<Kind>('num', 'text', 'formula', 'emptyStrFormula', 'styledEmpty');

const unitArb: fc.Arbitrary<UnitModel> = fc
  .record({
    area: fc.constantFrom<0 | 1>(0, 1),
    eligible: fc.integer({ min: 1, max: 200 }),
    a: fc.double({ min: 0, max: 1, noNaN: true }),
    b: fc.double({ min: 0, max: 1, noNaN: true }),
    bools: fc.array(fc.constantFrom<0 | 1 | 2>(0, 1, 2), { minLength: 5, maxLength: 5 }),
    rating: fc.integer({ min: 0, max: 3 }),
  })
  .map(({ area, eligible, a, b, bools, rating }) => {
    const members = Math.round(eligible * a);
    return { area, eligible, members, ideas: Math.round(members * b), bools, rating };
  });

const dataArb: fc.Arbitrary<DataModel> = fc.record({
  titleRows: fc.integer({ min: 0, max: 3 }),
  titleMerge: fc.boolean(),
  c0: fc.integer({ min: 1, max: 3 }),
  stt: fc.boolean(),
  order: fc.shuffledSubarray(
    BD_CDVC_2024_HEADERS.map((_, i) => i),
    { minLength: BD_CDVC_2024_HEADERS.length, maxLength: BD_CDVC_2024_HEADERS.length },
  ),
  units: fc.array(unitArb, { minLength: 1, maxLength: 5 }),
  beside: fc.array(fc.record({ row: fc.integer({ min: 0, max: 5 }), dc: fc.integer({ min: 1, max: 6 }), kind: kindArb }), { maxLength: 6 }),
  sharedFormula: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 6 })),
  strays: fc.array(
    fc.oneof(
      { weight: 5, arbitrary: fc.record({ row: fc.integer({ min: 1, max: 12 }), far: fc.integer({ min: 3, max: 300 }), abs: fc.constant(false) }) },
      // Near XFD: past 16375 in the table's rows the block no longer fits after an empty column,
      // past 16376 not at all.
      { weight: 2, arbitrary: fc.record({ row: fc.integer({ min: 1, max: 12 }), far: fc.integer({ min: 16366, max: MAX_COL }), abs: fc.constant(true) }) },
    ),
    { maxLength: 2 },
  ),
  cols: fc.array(
    fc.oneof(
      fc.record({ start: fc.integer({ min: -2, max: 14 }), rel: fc.constant(true), len: fc.integer({ min: 0, max: 20 }), hidden: fc.boolean(), style: fc.integer({ min: 0, max: 4 }) }),
      fc.record({ start: fc.integer({ min: 1, max: 20 }), rel: fc.constant(false), len: fc.integer({ min: 1, max: 3 }), hidden: fc.constant(false), style: fc.integer({ min: 0, max: 4 }) }),
    ),
    { maxLength: 4 },
  ),
  merges: fc.array(fc.record({ dc: fc.integer({ min: 1, max: 10 }), w: fc.integer({ min: 1, max: 5 }), up: fc.boolean(), down: fc.boolean(), text: fc.boolean() }), { maxLength: 2 }),
});

const userSheetArb: fc.Arbitrary<UserSheetModel> = fc.record({
  hidden: fc.boolean(),
  cells: fc.array(
    fc.record({
      row: fc.integer({ min: 1, max: 8 }),
      col: fc.integer({ min: 1, max: 6 }),
      kind: fc.constantFrom<UserCellModel['kind']>('num', 'text', 'formula', 'emptyStrFormula', 'styledEmpty', 'dataRef', 'nameRef'),
    }),
    { minLength: 1, maxLength: 10 },
  ),
  names: fc.integer({ min: 0, max: 2 }),
  printArea: fc.boolean(),
});

const workbookArb: fc.Arbitrary<WorkbookModel> = fc
  .integer({ min: 0, max: 4 })
  .chain((users) =>
    fc.record({
      names: fc.uniqueArray(fc.constantFrom(...SHEET_NAMES), { minLength: users + 1, maxLength: users + 1, selector: (n) => n.toLowerCase() }),
      dataAt: fc.integer({ min: 0, max: users }),
      data: dataArb,
      users: fc.array(userSheetArb, { minLength: users, maxLength: users }),
      tableName: fc.boolean(),
      calcChain: fc.boolean(),
      inlineStrings: fc.boolean(),
      partShift: fc.integer({ min: 0, max: 4 }),
      sheetArg: fc.boolean(),
    }),
  );

// ---------------------------------------------------------------------------------------------
// Building the package
// ---------------------------------------------------------------------------------------------

/** One cell as written: value kind, text, formula, style. */
interface CellOut {
  readonly row: number;
  readonly col: number;
  readonly s: number;
  readonly t?: 's' | 'str' | 'b' | 'inlineStr';
  readonly v?: string;
  readonly f?: string;
  readonly fAttrs?: string;
}

interface SheetOut {
  readonly name: string;
  readonly hidden: boolean;
  readonly cells: Map<string, CellOut>;
  readonly cols: { min: number; max: number; hidden: boolean; style: number }[];
  readonly merges: string[];
}

/** Where the data table sits, for the checker. */
interface TableGeometry {
  readonly headerRow: number;
  readonly unitRows: readonly number[];
  readonly lastCol: number;
}

interface Built {
  readonly bytes: Uint8Array;
  readonly dataName: string;
  readonly table: TableGeometry;
}

const RATINGS = ['Hoàn thành xuất sắc nhiệm vụ', 'Hoàn thành tốt nhiệm vụ', 'HT', 'Không hoàn thành nhiệm vụ'];
const BOOL_TEXT = ['Có', 'Không', 'x'];

function build(m: WorkbookModel): Built {
  const sst: string[] = [];
  const sstIndex = new Map<string, number>();
  const textCell = (row: number, col: number, text: string, s = 0): CellOut => {
    if (m.inlineStrings) return { row, col, s, t: 'inlineStr', v: text };
    if (!sstIndex.has(text)) {
      sstIndex.set(text, sst.length);
      sst.push(text);
    }
    return { row, col, s, t: 's', v: String(sstIndex.get(text)) };
  };
  const put = (sheet: SheetOut, c: CellOut): void => void sheet.cells.set(`${c.row}:${c.col}`, c);
  const putIfFree = (sheet: SheetOut, c: CellOut): void => {
    if (!sheet.cells.has(`${c.row}:${c.col}`)) put(sheet, c);
  };

  const order = [...m.names.slice(1)];
  order.splice(m.dataAt, 0, m.names[0]);
  const dataName = m.names[0];
  const quoted = (name: string): string => `'${name}'`;

  // --- the data sheet
  const d = m.data;
  const data: SheetOut = { name: dataName, hidden: false, cells: new Map(), cols: [], merges: [] };
  const headerRow = d.titleRows + 1;
  const first = d.c0 + (d.stt ? 1 : 0);
  const lastCol = first + BD_CDVC_2024_HEADERS.length - 1;
  const unitRows = d.units.map((_, i) => headerRow + 1 + i);
  if (d.titleRows >= 1) put(data, textCell(1, d.c0, 'BÁO CÁO SỐ LIỆU CÔNG ĐOÀN CƠ SỞ NĂM 2024', 1));
  if (d.titleRows >= 2) put(data, textCell(2, d.c0, 'Đơn vị: Công đoàn Viên chức tỉnh'));
  if (d.titleRows >= 1 && d.titleMerge) data.merges.push(`${ref(1, d.c0)}:${ref(1, lastCol)}`);
  if (d.stt) put(data, textCell(headerRow, d.c0, 'STT', 2));
  d.order.forEach((h, i) => put(data, textCell(headerRow, first + i, BD_CDVC_2024_HEADERS[h], 2)));
  d.units.forEach((u, i) => {
    const row = unitRows[i];
    if (d.stt) put(data, { row, col: d.c0, s: 0, v: String(i + 1) });
    // Values by header index (the order of BD_CDVC_2024_HEADERS).
    const values: (string | number)[] = [
      `CD${String(i + 1).padStart(2, '0')}`,
      `CĐCS số ${i + 1}`,
      u.area ? 'Ngoài nhà nước' : 'Nhà nước',
      2024,
      u.eligible,
      u.members,
      u.ideas,
      ...u.bools.map((b) => BOOL_TEXT[b]),
      RATINGS[u.rating],
    ];
    d.order.forEach((h, j) => {
      const v = values[h];
      put(data, typeof v === 'number' ? { row, col: first + j, s: h === 3 ? 0 : 3, v: String(v) } : textCell(row, first + j, v));
    });
  });
  const lastRow = unitRows[unitRows.length - 1];
  const colOf = (header: number): number => first + d.order.indexOf(header);
  const members = colOf(5);
  const eligible = colOf(4);
  for (const b of d.beside) {
    const row = b.row === 0 ? headerRow : unitRows[Math.min(b.row, unitRows.length) - 1];
    const col = lastCol + b.dc;
    const f = `${ref(row, members)}*2`;
    switch (b.kind) {
      case 'num':
        put(data, { row, col, s: 3, v: String(row * 7) });
        break;
      case 'text':
        put(data, textCell(row, col, 'Ghi chú', 0));
        break;
      case 'formula':
        put(data, { row, col, s: 0, f, v: String(row * 2) });
        break;
      case 'emptyStrFormula':
        // `=IF(G5>F5,"Sai","")`: a formula whose value is an empty string.
        put(data, { row, col, s: 0, t: 'str', f: `IF(${ref(row, members)}>${ref(row, eligible)},"Sai","")`, v: '' });
        break;
      case 'styledEmpty':
        put(data, { row, col, s: 2 });
        break;
    }
  }
  if (d.sharedFormula > 0) {
    // A shared formula down the unit rows, as Excel writes a filled-down column.
    const col = lastCol + d.sharedFormula;
    unitRows.forEach((row, i) => {
      const master = i === 0;
      put(data, {
        row,
        col,
        s: 0,
        f: master ? `${ref(row, members)}+1` : '',
        fAttrs: master ? ` t="shared" ref="${ref(unitRows[0], col)}:${ref(lastRow, col)}" si="0"` : ' t="shared" si="0"',
        v: String(i + 1),
      });
    });
  }
  for (const s of d.strays) {
    const col = s.abs ? Math.max(s.far, lastCol + 1) : Math.min(lastCol + s.far, MAX_COL);
    const row = Math.min(s.row, lastRow + 3);
    putIfFree(data, { row, col, s: 0, v: String(col) });
  }
  // Merges over the header row, right of the table; kept only when they do not overlap.
  const taken: Range[] = data.merges.map(parseRange);
  for (const mg of d.merges) {
    const r1 = mg.up && headerRow > 1 ? headerRow - 1 : headerRow;
    const r2 = mg.down ? headerRow + 1 : headerRow;
    const range: Range = { r1, c1: lastCol + mg.dc, r2, c2: Math.min(lastCol + mg.dc + mg.w - 1, MAX_COL) };
    if (range.r1 === range.r2 && range.c1 === range.c2) continue;
    if (taken.some((t) => overlaps(t, range))) continue;
    taken.push(range);
    data.merges.push(`${ref(range.r1, range.c1)}:${ref(range.r2, range.c2)}`);
    if (mg.text) putIfFree(data, textCell(range.r1, range.c1, 'Ghi chú', 1));
  }
  // <col> ranges: sorted, disjoint, inside A:XFD.
  const ranges = d.cols
    .map((c) => {
      const min = Math.max(1, c.rel ? lastCol + c.start : c.start);
      const max = c.len === 0 ? MAX_COL : Math.min(MAX_COL, min + c.len - 1);
      return { min, max, hidden: c.hidden, style: c.style };
    })
    .sort((a, b) => a.min - b.min);
  for (const r of ranges) if (data.cols.every((x) => x.max < r.min)) data.cols.push(r);

  // --- user sheets
  const sheets: SheetOut[] = [];
  const definedNames: string[] = [];
  let nameNo = 0;
  const userModels = [...m.users];
  for (const name of order) {
    if (name === dataName) {
      sheets.push(data);
      continue;
    }
    const u = userModels.shift()!;
    const sheet: SheetOut = { name, hidden: u.hidden, cells: new Map(), cols: [], merges: [] };
    const localId = sheets.length;
    const myNames: string[] = [];
    for (let k = 0; k < u.names; k++) {
      const n = `Ten_${++nameNo}`;
      myNames.push(n);
      const scope = k === 1 ? ` localSheetId="${localId}"` : '';
      definedNames.push(`<definedName name="${n}"${scope}>${esc(quoted(name))}!$B$${k + 2}</definedName>`);
    }
    if (u.printArea) definedNames.push(`<definedName name="_xlnm.Print_Area" localSheetId="${localId}">${esc(quoted(name))}!$A$1:$F$8</definedName>`);
    for (const c of u.cells) {
      const { row, col } = c;
      switch (c.kind) {
        case 'num':
          put(sheet, { row, col, s: 3, v: String(row * 10 + col) });
          break;
        case 'text':
          put(sheet, textCell(row, col, `ô ${ref(row, col)} của người dùng`, 0));
          break;
        case 'formula':
          put(sheet, { row, col, s: 1, f: `SUM(A1:A${row + 2})`, v: '0' });
          break;
        case 'emptyStrFormula':
          put(sheet, { row, col, s: 0, t: 'str', f: `IF(A${row}>0,"Có","")`, v: '' });
          break;
        case 'styledEmpty':
          put(sheet, { row, col, s: 4 });
          break;
        case 'dataRef':
          put(sheet, { row, col, s: 0, f: `${quoted(dataName)}!${ref(unitRows[0], members)}*2`, v: String(d.units[0].members * 2) });
          break;
        case 'nameRef':
          put(sheet, myNames.length ? { row, col, s: 0, f: `${myNames[0]}+1`, v: '1' } : { row, col, s: 0, v: '1' });
          break;
      }
    }
    sheets.push(sheet);
  }
  if (m.tableName) {
    definedNames.push(`<definedName name="BangCDCS">${esc(quoted(dataName))}!$${colName(d.c0)}$${headerRow}:$${colName(lastCol)}$${lastRow}</definedName>`);
  }

  // --- parts
  const files: Record<string, string> = {};
  const n = sheets.length;
  const partNo = (i: number): number => ((i + m.partShift) % n) + 1;
  const formulaCells: string[] = [];
  const active = sheets.findIndex((s) => !s.hidden); // Excel opens on a visible sheet
  sheets.forEach((sheet, i) => {
    files[`xl/worksheets/sheet${partNo(i)}.xml`] = sheetXml(sheet, i === active);
    for (const c of [...sheet.cells.values()].sort(byPosition)) if (c.f !== undefined) formulaCells.push(`<c r="${ref(c.row, c.col)}" i="${i + 1}"/>`);
  });
  const withCalc = m.calcChain && formulaCells.length > 0;
  const withSst = sst.length > 0;
  files['[Content_Types].xml'] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="${CT_NS}">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    `<Override PartName="/xl/workbook.xml" ContentType="${CT}.sheet.main+xml"/>` +
    sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${partNo(i)}.xml" ContentType="${CT}.worksheet+xml"/>`).join('') +
    `<Override PartName="/xl/styles.xml" ContentType="${CT}.styles+xml"/>` +
    (withSst ? `<Override PartName="/xl/sharedStrings.xml" ContentType="${CT}.sharedStrings+xml"/>` : '') +
    (withCalc ? `<Override PartName="/xl/calcChain.xml" ContentType="${CT}.calcChain+xml"/>` : '') +
    '</Types>';
  files['_rels/.rels'] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL_NS}">` +
    `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  files['xl/workbook.xml'] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    `<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300" activeTab="${active}"/></bookViews><sheets>` +
    sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.hidden ? ' state="hidden"' : ''} r:id="rId${i + 1}"/>`).join('') +
    '</sheets>' +
    (definedNames.length ? `<definedNames>${definedNames.join('')}</definedNames>` : '') +
    '<calcPr calcId="191029"/></workbook>';
  files['xl/_rels/workbook.xml.rels'] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL_NS}">` +
    sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${partNo(i)}.xml"/>`).join('') +
    `<Relationship Id="rId${n + 1}" Type="${REL_NS}/styles" Target="styles.xml"/>` +
    (withSst ? `<Relationship Id="rId${n + 2}" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>` : '') +
    (withCalc ? `<Relationship Id="rId${n + 3}" Type="${REL_NS}/calcChain" Target="calcChain.xml"/>` : '') +
    '</Relationships>';
  files['xl/styles.xml'] = STYLES_XML;
  if (withSst) {
    files['xl/sharedStrings.xml'] =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${MAIN_NS}" count="${sst.length}" uniqueCount="${sst.length}">` +
      sst.map((t) => `<si><t>${esc(t)}</t></si>`).join('') +
      '</sst>';
  }
  if (withCalc) files['xl/calcChain.xml'] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<calcChain xmlns="${MAIN_NS}">${formulaCells.join('')}</calcChain>`;
  const entries: Record<string, Uint8Array> = {};
  for (const [k, v] of Object.entries(files)) entries[k] = strToU8(v);
  return { bytes: zipSync(entries, { level: 1, mtime: new Date(2024, 0, 1) }), dataName, table: { headerRow, unitRows, lastCol } };
}

const byPosition = (a: { row: number; col: number }, b: { row: number; col: number }): number => a.row - b.row || a.col - b.col;

/** Five cell formats: 0 default, 1 bold, 2 yellow fill, 3 `#,##0`, 4 date. */
const STYLES_XML =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN_NS}">` +
  '<numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0"/></numFmts>' +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
  '<fill><patternFill patternType="solid"><fgColor rgb="FFFFFF00"/><bgColor indexed="64"/></patternFill></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '<xf numFmtId="0" fontId="0" fillId="2" borderId="0" xfId="0" applyFill="1"/>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

function sheetXml(sheet: SheetOut, selected: boolean): string {
  const cells = [...sheet.cells.values()].sort(byPosition);
  const rows: string[] = [];
  let row = -1;
  for (const c of cells) {
    if (c.row !== row) {
      if (row !== -1) rows.push('</row>');
      rows.push(`<row r="${c.row}">`);
      row = c.row;
    }
    const t = c.t ? ` t="${c.t}"` : '';
    const s = c.s ? ` s="${c.s}"` : '';
    const f = c.f === undefined ? '' : c.f === '' ? `<f${c.fAttrs ?? ''}/>` : `<f${c.fAttrs ?? ''}>${esc(c.f)}</f>`;
    const body = c.t === 'inlineStr' ? `<is><t>${esc(c.v ?? '')}</t></is>` : c.v === undefined ? '' : `<v>${esc(c.v)}</v>`;
    rows.push(f || body ? `<c r="${ref(c.row, c.col)}"${s}${t}>${f}${body}</c>` : `<c r="${ref(c.row, c.col)}"${s}${t}/>`);
  }
  if (row !== -1) rows.push('</row>');
  const dim = cells.length
    ? `<dimension ref="${ref(Math.min(...cells.map((c) => c.row)), Math.min(...cells.map((c) => c.col)))}:${ref(Math.max(...cells.map((c) => c.row)), Math.max(...cells.map((c) => c.col)))}"/>`
    : '<dimension ref="A1"/>';
  const cols = sheet.cols.length
    ? '<cols>' + sheet.cols.map((c) => `<col min="${c.min}" max="${c.max}" width="12.7109375"${c.style ? ` style="${c.style}"` : ''}${c.hidden ? ' hidden="1"' : ''} customWidth="1"/>`).join('') + '</cols>'
    : '';
  const merges = sheet.merges.length ? `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((r) => `<mergeCell ref="${r}"/>`).join('')}</mergeCells>` : '';
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">${dim}` +
    `<sheetViews><sheetView${selected ? ' tabSelected="1"' : ''} workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>` +
    `${cols}<sheetData>${rows.join('')}</sheetData>${merges}` +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>'
  );
}

// ---------------------------------------------------------------------------------------------
// An independent reader: sheet name → cell → {value, formula, style}
// ---------------------------------------------------------------------------------------------

interface CellInfo {
  /** 'n' number, 's' text (shared, inline or formula string), 'b', 'e', 'd'. */
  readonly type: string;
  readonly value: string;
  /** `t|ref|si|text` of the `<f>` element, or '' without one. */
  readonly formula: string;
  readonly style: number;
}

interface SheetInfo {
  readonly name: string;
  readonly state: string;
  readonly sheetId: string;
  readonly cells: Map<string, CellInfo & { row: number; col: number }>;
  readonly cols: { min: number; max: number; hidden: boolean; width: string; style: string }[];
  readonly merges: string[];
}

interface BookInfo {
  readonly sheets: SheetInfo[];
  /** `name|scope sheet name|text` of each defined name. */
  readonly definedNames: string[];
  readonly calcChain: { r: string; i: string }[];
  readonly parts: Map<string, Uint8Array>;
  /** Parts the reader has already parsed strictly. */
  readonly parsed: Set<string>;
}

/**
 * Parses strictly (well-formedness and namespaces) as UTF-8, the encoding every part of the input
 * has; throws with the part's name on any error, or when the part declares another encoding.
 */
function parseXml(part: string, bytes: Uint8Array, on: (p: SaxesParser<{ xmlns: true }>) => void = () => {}): void {
  parsedParts?.add(part);
  const text = strFromU8(bytes).replace(/^\uFEFF/, '');
  const p = new SaxesParser({ xmlns: true, fileName: part });
  p.on('error', (e) => {
    throw new Error(`${part}: ${e.message}`);
  });
  p.on('xmldecl', (d) => {
    if (d.encoding && d.encoding.toLowerCase() !== 'utf-8') throw new Error(`${part}: declared ${d.encoding} but written as UTF-8`);
  });
  on(p);
  p.write(text).close();
}

function attr(tag: SaxesTagNS, local: string, uri = ''): string | undefined {
  const plain = tag.attributes[local];
  if (uri === '') return plain && plain.uri === '' ? plain.value : undefined;
  for (const a of Object.values(tag.attributes)) if (a.local === local && a.uri === uri) return a.value;
  return undefined;
}

/** While set, collects the name of every part parseXml reads (so they are not parsed twice). */
let parsedParts: Set<string> | undefined;

/** Calls `visit` on each element with its path of local names, and `textOf` on text. */
function walk(part: string, bytes: Uint8Array, visit: (path: string[], tag: SaxesTagNS) => void, textOf?: (path: string[], text: string) => void): void {
  parseXml(part, bytes, (p) => {
    const path: string[] = [];
    p.on('opentag', (tag) => {
      path.push(tag.local);
      visit(path, tag);
      if (tag.isSelfClosing) path.pop();
    });
    p.on('closetag', (tag) => {
      if (!tag.isSelfClosing) path.pop();
    });
    if (textOf) {
      p.on('text', (t) => textOf(path, t));
      p.on('cdata', (t) => textOf(path, t));
    }
  });
}

function resolveTarget(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

function relsOf(parts: Map<string, Uint8Array>, part: string): Map<string, { type: string; target: string; external: boolean }> {
  const dir = part.split('/').slice(0, -1).join('/');
  const relsPart = `${dir ? dir + '/' : ''}_rels/${part.split('/').pop()}.rels`;
  const out = new Map<string, { type: string; target: string; external: boolean }>();
  const bytes = parts.get(relsPart);
  if (!bytes) return out;
  walk(relsPart, bytes, (_, tag) => {
    if (tag.local !== 'Relationship') return;
    const external = attr(tag, 'TargetMode') === 'External';
    const target = attr(tag, 'Target') ?? '';
    out.set(attr(tag, 'Id') ?? '', { type: attr(tag, 'Type') ?? '', target: external ? target : resolveTarget(part, target), external });
  });
  return out;
}

function readBook(bytes: Uint8Array): BookInfo {
  const parsed = new Set<string>();
  parsedParts = parsed;
  try {
    return readBookParts(new Map(Object.entries(unzipSync(bytes))), parsed);
  } finally {
    parsedParts = undefined;
  }
}

function readBookParts(parts: Map<string, Uint8Array>, parsed: Set<string>): BookInfo {
  const rootRels = relsOf(parts, '');
  const wbPart = [...rootRels.values()].find((r) => r.type.endsWith('/officeDocument'))?.target ?? 'xl/workbook.xml';
  const wbRels = relsOf(parts, wbPart);
  const sheetsDecl: { name: string; state: string; sheetId: string; rid: string }[] = [];
  const names: { name: string; local?: string; text: string }[] = [];
  walk(
    wbPart,
    parts.get(wbPart)!,
    (path, tag) => {
      if (tag.local === 'sheet' && path[path.length - 2] === 'sheets') {
        sheetsDecl.push({ name: attr(tag, 'name') ?? '', state: attr(tag, 'state') ?? 'visible', sheetId: attr(tag, 'sheetId') ?? '', rid: attr(tag, 'id', REL_NS) ?? '' });
      }
      if (tag.local === 'definedName') names.push({ name: attr(tag, 'name') ?? '', local: attr(tag, 'localSheetId'), text: '' });
    },
    (path, text) => {
      if (path[path.length - 1] === 'definedName') names[names.length - 1].text += text;
    },
  );
  const sstRel = [...wbRels.values()].find((r) => r.type.endsWith('/sharedStrings'));
  const sst: string[] = [];
  if (sstRel && parts.has(sstRel.target)) {
    walk(
      sstRel.target,
      parts.get(sstRel.target)!,
      (path, tag) => {
        if (tag.local === 'si') sst.push('');
      },
      (path, text) => {
        if (path[path.length - 1] === 't' && !path.includes('rPh')) sst[sst.length - 1] += text;
      },
    );
  }
  const sheets = sheetsDecl.map((s): SheetInfo => {
    const target = wbRels.get(s.rid)?.target;
    if (!target || !parts.has(target)) throw new Error(`sheet "${s.name}" has no part (r:id="${s.rid}")`);
    return { name: s.name, state: s.state, sheetId: s.sheetId, ...readSheet(target, parts.get(target)!, sst) };
  });
  const calcRel = [...wbRels.values()].find((r) => r.type.endsWith('/calcChain'));
  const calcChain: { r: string; i: string }[] = [];
  if (calcRel && parts.has(calcRel.target)) {
    let i = '';
    walk(calcRel.target, parts.get(calcRel.target)!, (_, tag) => {
      if (tag.local !== 'c') return;
      i = attr(tag, 'i') ?? i; // an entry without i is on the previous entry's sheet
      calcChain.push({ r: attr(tag, 'r') ?? '', i });
    });
  }
  const definedNames = names.map((n) => `${n.name}|${n.local === undefined ? '' : (sheetsDecl[Number(n.local)]?.name ?? `#${n.local}`)}|${n.text}`);
  return { sheets, definedNames, calcChain, parts, parsed };
}

/** Cells, `<col>` ranges and merges of one worksheet part, in one strict pass. */
function readSheet(part: string, bytes: Uint8Array, sst: readonly string[]): Pick<SheetInfo, 'cells' | 'cols' | 'merges'> {
  const cells: SheetInfo['cells'] = new Map();
  const cols: SheetInfo['cols'] = [];
  const merges: string[] = [];
  let row = 0;
  let col = 0;
  let cur: { row: number; col: number; t: string; s: number; v: string | null; f: string; ftext: string; inline: string } | null = null;
  const path: string[] = [];
  const close = (local: string): void => {
    if (local === 'c' && cur) {
      const c = cur;
      let type = c.t;
      let value: string | null = c.v;
      if (type === 's') value = value === null ? null : (sst[Number(value)] ?? `#sst${value}`);
      if (type === 'inlineStr') value = c.inline;
      if (type === 's' || type === 'inlineStr' || type === 'str') {
        // Text however it is stored; a formula's empty-string result equals a missing <v>.
        type = 's';
        value = value ?? (c.f ? '' : null);
      }
      if (type === 'n' && value !== null && value !== '') value = String(Number(value));
      cells.set(`${c.row}:${c.col}`, { row: c.row, col: c.col, type: value === null ? '' : type, value: value ?? '', formula: c.f ? `${c.f}|${c.ftext}` : '', style: c.s });
      cur = null;
    }
    path.pop();
  };
  parseXml(part, bytes, (p) => {
    p.on('opentag', (tag) => {
      path.push(tag.local);
      const parent = path[path.length - 2];
      if (tag.local === 'row' && parent === 'sheetData') {
        const r = attr(tag, 'r');
        row = r ? Number(r) : row + 1;
        col = 0;
      } else if (tag.local === 'c' && parent === 'row') {
        const r = attr(tag, 'r');
        if (r) {
          const q = parseRef(r);
          if (q.row !== row) throw new Error(`${part}: cell ${r} inside row ${row}`);
          col = q.col;
        } else col += 1;
        cur = { row, col, t: attr(tag, 't') ?? 'n', s: Number(attr(tag, 's') ?? '0'), v: null, f: '', ftext: '', inline: '' };
      } else if (tag.local === 'f' && parent === 'c' && cur) {
        cur.f = `${attr(tag, 't') ?? 'normal'}|${attr(tag, 'ref') ?? ''}|${attr(tag, 'si') ?? ''}`;
      } else if (tag.local === 'v' && parent === 'c' && cur) {
        cur.v = '';
      } else if (tag.local === 'col' && parent === 'cols') {
        const h = attr(tag, 'hidden');
        cols.push({ min: Number(attr(tag, 'min')), max: Number(attr(tag, 'max')), hidden: h === '1' || h === 'true', width: attr(tag, 'width') ?? '', style: attr(tag, 'style') ?? '0' });
      } else if (tag.local === 'mergeCell' && parent === 'mergeCells') {
        merges.push(attr(tag, 'ref') ?? '');
      }
      if (tag.isSelfClosing) close(tag.local);
    });
    p.on('closetag', (tag) => {
      if (!tag.isSelfClosing) close(tag.local);
    });
    const onText = (text: string): void => {
      if (!cur) return;
      const here = path[path.length - 1];
      if (here === 'v' && path[path.length - 2] === 'c') cur.v = (cur.v ?? '') + text;
      else if (here === 'f' && path[path.length - 2] === 'c') cur.ftext += text;
      else if (here === 't' && path.includes('is') && !path.includes('rPh')) cur.inline += text;
    };
    p.on('text', onText);
    p.on('cdata', onText);
  });
  return { cells, cols, merges };
}

// ---------------------------------------------------------------------------------------------
// Running the command line and checking the invariants
// ---------------------------------------------------------------------------------------------

interface RunResult {
  readonly code: number;
  readonly stderr: string;
  readonly out?: Uint8Array;
}

async function check(input: string, output: string, sheet?: string): Promise<RunResult> {
  rmSync(output, { force: true });
  const stderr: string[] = [];
  const io: Io = { out: () => {}, err: (l) => stderr.push(l), progress: false, today: TODAY };
  const code = await run(['check', input, '--preset', 'bd-cdvc-2024', '--out', output, ...(sheet ? ['--sheet', sheet] : [])], io);
  return { code, stderr: stderr.join('\n'), ...(existsSync(output) ? { out: new Uint8Array(readFileSync(output)) } : {}) };
}

/** Where the checks report a broken rule, by cause. */
interface Sink {
  add(cause: string, detail: string): void;
}

/** Invariant violations, each prefixed by its cause so failures group (three shown per cause). */
class Violations implements Sink {
  readonly list: string[] = [];
  private readonly perCause = new Map<string, number>();
  /** The same list, with causes marked as found on the re-run's output. */
  rerun(): Sink {
    return { add: (cause, detail) => this.add(`re-run/${cause}`, detail) };
  }
  add(cause: string, detail: string): void {
    const n = (this.perCause.get(cause) ?? 0) + 1;
    this.perCause.set(cause, n);
    if (n <= 3) this.list.push(`[${cause}] ${detail}`);
  }
  get causes(): string[] {
    return [...this.perCause.keys()];
  }
}

const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i;
const XML_PART = /\.(xml|rels)$/i;

/** Per-column `hidden|width|style` over A:XFD (index 1..16384). */
function columnAttrs(cols: SheetInfo['cols']): string[] {
  const out = new Array<string>(MAX_COL + 1).fill('');
  for (const c of cols) for (let i = Math.max(1, c.min); i <= Math.min(MAX_COL, c.max); i++) out[i] = `${c.hidden ? 'hidden' : ''}|${c.width}|${c.style}`;
  return out;
}

const describeCell = (c: CellInfo | undefined): string => (c ? JSON.stringify({ type: c.type, value: c.value, formula: c.formula, style: c.style }) : 'none');

/** The rightmost column the user has in the table's rows (cells of any kind, and merges). */
function userRightEdge(sheet: SheetInfo, rows: ReadonlySet<number>): number {
  let max = 0;
  for (const c of sheet.cells.values()) if (rows.has(c.row) && c.col > max) max = c.col;
  for (const m of sheet.merges) {
    const r = parseRange(m);
    for (const row of rows) if (row >= r.r1 && row <= r.r2 && r.c2 > max) max = r.c2;
  }
  return max;
}

function checkPackage(bytes: Uint8Array, v: Sink): BookInfo | undefined {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch (e) {
    v.add('zip', String(e));
    return undefined;
  }
  let book: BookInfo | undefined;
  try {
    book = readBook(bytes);
  } catch (e) {
    v.add('unreadable', (e as Error).message);
  }
  // (4) every XML part parses (those the reader went through already did).
  for (const [name, data] of Object.entries(files)) {
    if (!XML_PART.test(name) || book?.parsed.has(name)) continue;
    try {
      parseXml(name, data);
    } catch (e) {
      v.add('xml-does-not-parse', (e as Error).message);
    }
  }
  if (!book) return undefined;
  // Every part has a content type; every Override and internal workbook relationship has a part.
  const defaults = new Set<string>();
  const overrides = new Set<string>();
  walk('[Content_Types].xml', files['[Content_Types].xml'], (_, tag) => {
    if (tag.local === 'Default') defaults.add((attr(tag, 'Extension') ?? '').toLowerCase());
    if (tag.local === 'Override') overrides.add((attr(tag, 'PartName') ?? '').replace(/^\//, ''));
  });
  for (const name of Object.keys(files)) {
    if (name === '[Content_Types].xml' || name.endsWith('/')) continue;
    if (!overrides.has(name) && !defaults.has(name.split('.').pop()!.toLowerCase())) v.add('package', `part ${name} has no content type`);
  }
  for (const o of overrides) if (!(o in files)) v.add('package', `content type override for missing part ${o}`);
  for (const [id, r] of relsOf(book.parts, 'xl/workbook.xml')) if (!r.external && !(r.target in files)) v.add('package', `workbook relationship ${id} → missing ${r.target}`);
  return book;
}

function checkAgainstInput(inBook: BookInfo, outBook: BookInfo, built: Built, v: Sink): void {
  const outByName = new Map(outBook.sheets.map((s) => [s.name, s]));
  // Sheets: every input sheet still there, same name, same state, same relative order.
  const positions: number[] = [];
  for (const s of inBook.sheets) {
    const o = outByName.get(s.name);
    if (!o) {
      v.add('user-sheet-lost', `"${s.name}" is gone; output sheets: ${outBook.sheets.map((x) => `"${x.name}"`).join(', ')}`);
      continue;
    }
    positions.push(outBook.sheets.indexOf(o));
    if (o.state !== s.state) v.add('user-sheet-state', `"${s.name}" was ${s.state}, is ${o.state}`);
  }
  if (positions.some((p, i) => i > 0 && p < positions[i - 1])) v.add('user-sheet-order', `input ${inBook.sheets.map((s) => s.name).join(' | ')} → output ${outBook.sheets.map((s) => s.name).join(' | ')}`);
  const seen = new Map<string, string>();
  for (const s of outBook.sheets) {
    const key = s.name.toLowerCase();
    if (seen.has(key)) v.add('duplicate-sheet-name', `"${seen.get(key)}" and "${s.name}"`);
    seen.set(key, s.name);
  }

  const tableRows = new Set([built.table.headerRow, ...built.table.unitRows]);
  for (const s of inBook.sheets) {
    const o = outByName.get(s.name);
    if (!o) continue;
    const isData = s.name === built.dataName;
    // (1) every user cell keeps value, formula and style index
    for (const [key, c] of s.cells) {
      const oc = o.cells.get(key);
      if (!oc || oc.type !== c.type || oc.value !== c.value || oc.formula !== c.formula || oc.style !== c.style) {
        v.add('user-cell-changed', `"${s.name}"!${ref(c.row, c.col)}: ${describeCell(c)} → ${describeCell(oc)}`);
      }
    }
    const added = [...o.cells.values()].filter((c) => !s.cells.has(`${c.row}:${c.col}`));
    if (!isData) {
      for (const c of added) v.add('cell-added-to-user-sheet', `"${s.name}"!${ref(c.row, c.col)} = ${describeCell(c)}`);
    } else {
      // Status columns: in the table's rows, right of everything the user has there, visible,
      // not under a merge.
      const edge = userRightEdge(s, tableRows);
      for (const c of added) {
        if (!tableRows.has(c.row)) v.add('status-outside-table-rows', `"${s.name}"!${ref(c.row, c.col)}`);
        if (c.col <= edge) v.add('status-not-right-of-user-cells', `"${s.name}"!${ref(c.row, c.col)}, user's rightmost column in the table rows is ${colName(edge)}`);
      }
      const hiddenCols = o.cols.filter((x) => x.hidden);
      for (const c of added) {
        const h = hiddenCols.find((x) => c.col >= x.min && c.col <= x.max);
        if (h) v.add('status-hidden', `"${s.name}"!${ref(c.row, c.col)} in <col min="${h.min}" max="${h.max}" hidden>`);
        const m = o.merges.find((x) => {
          const r = parseRange(x);
          return c.row >= r.r1 && c.row <= r.r2 && c.col >= r.c1 && c.col <= r.c2;
        });
        if (m) v.add('status-under-merge', `"${s.name}"!${ref(c.row, c.col)} under ${m}`);
      }
      const header = added.filter((c) => c.row === built.table.headerRow);
      if (header.length !== STATUS_COLS || !header.some((c) => c.value.startsWith('Kết quả:'))) {
        v.add('status-header', `header row ${built.table.headerRow} got ${header.map((c) => `${ref(c.row, c.col)}=${JSON.stringify(c.value)}`).join(', ') || 'nothing'}`);
      }
    }
    // Merges and column attributes of the user's columns stay as they were.
    const a = [...s.merges].sort().join(' ');
    const b = [...o.merges].sort().join(' ');
    if (a !== b) v.add('user-merges-changed', `"${s.name}": ${a || '(none)'} → ${b || '(none)'}`);
    const addedCols = new Set(added.map((c) => c.col));
    const ca = columnAttrs(s.cols);
    const cb = columnAttrs(o.cols);
    for (let col = 1; col <= MAX_COL; col++) {
      if (!addedCols.has(col) && ca[col] !== cb[col]) {
        v.add('user-cols-changed', `"${s.name}" column ${colName(col)}: ${ca[col] || '(default)'} → ${cb[col] || '(default)'}`);
        break;
      }
    }
  }
  // Defined names: each of the user's is still there with the same scope and text.
  const outNames = new Set(outBook.definedNames);
  for (const n of inBook.definedNames) if (!outNames.has(n)) v.add('defined-name-changed', `${n} missing; output names: ${outBook.definedNames.join(' ; ')}`);
  // No cell, column range or merge past XFD on any sheet.
  for (const s of outBook.sheets) {
    for (const c of s.cells.values()) if (c.col > MAX_COL) v.add('beyond-XFD', `"${s.name}"!${ref(c.row, c.col)}`);
    for (const c of s.cols) if (c.max > MAX_COL || c.min < 1 || c.min > c.max) v.add('beyond-XFD', `"${s.name}" <col min="${c.min}" max="${c.max}">`);
    for (const m of s.merges) if (parseRange(m).c2 > MAX_COL) v.add('beyond-XFD', `"${s.name}" merge ${m}`);
  }
  // calcChain lists only cells that hold a formula (else Excel offers to repair the file).
  const byId = new Map(outBook.sheets.map((s) => [s.sheetId, s]));
  for (const e of outBook.calcChain) {
    const s = byId.get(e.i);
    const p = parseRef(e.r);
    if (!s || !s.cells.get(`${p.row}:${p.col}`)?.formula) v.add('calcchain-stale', `<c r="${e.r}" i="${e.i}"> (${s ? `"${s.name}"` : 'no such sheet'}) has no formula`);
  }
}

/** The parts that differ, the first one shown around its first differing character. */
function partsDiffering(a: Uint8Array, b: Uint8Array): string {
  const x = unzipSync(a);
  const y = unzipSync(b);
  const names = [...new Set([...Object.keys(x), ...Object.keys(y)])];
  const differing = names.filter((n) => !x[n] || !y[n] || Buffer.compare(Buffer.from(x[n]), Buffer.from(y[n])) !== 0);
  const first = differing.find((n) => x[n] && y[n]);
  if (!first) return differing.join(', ');
  const p = strFromU8(x[first]);
  const q = strFromU8(y[first]);
  let i = 0;
  while (i < p.length && p[i] === q[i]) i++;
  const around = (t: string): string => JSON.stringify(t.slice(Math.max(0, i - 80), i + 120));
  return `${differing.join(', ')}; ${first} at ${i}:\n  first:  ${around(p)}\n  second: ${around(q)}`;
}

const dir = mkdtempSync(join(tmpdir(), 'chitieu-writer-safety-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs one generated workbook through `check --out` twice; returns what broke. */
async function violationsOf(m: WorkbookModel): Promise<Violations> {
  const v = new Violations();
  const built = build(m);
  const input = join(dir, 'in.xlsx');
  const out1 = join(dir, 'out1.xlsx');
  const out2 = join(dir, 'out2.xlsx');
  const out3 = join(dir, 'out3.xlsx');
  writeFileSync(input, built.bytes);
  const inBook = readBook(built.bytes);
  const sheet = m.sheetArg ? built.dataName : undefined;
  const data = inBook.sheets.find((s) => s.name === built.dataName)!;
  // The block needs STATUS_COLS columns, normally after one empty column, in the header and unit
  // rows only: a stray cell far right in a title row or under the table does not stop the check.
  // With exactly STATUS_COLS columns left (no room for the empty one) either answer is accepted.
  const edge = userRightEdge(data, new Set([built.table.headerRow, ...built.table.unitRows]));
  const fits = edge + 1 + STATUS_COLS <= MAX_COL;
  const cannotFit = edge + STATUS_COLS > MAX_COL;

  const first = await check(input, out1, sheet);
  if (first.code === 2) {
    if (fits) v.add('exit-2', `exit 2 though ${STATUS_COLS} columns fit after ${colName(edge)}, the user's rightmost column in the header and unit rows: ${first.stderr}`);
    if (!VIETNAMESE.test(first.stderr) || /\n\s+at /.test(first.stderr)) v.add('refusal-message', JSON.stringify(first.stderr));
    if (first.out) v.add('exit-2-but-wrote', `exit 2 and ${out1} was written`);
    return v;
  }
  if (first.code !== 0) {
    v.add('exit-code', `exit ${first.code}: ${first.stderr}`);
    return v;
  }
  if (cannotFit) v.add('wrote-past-XFD', `exit 0 though the user's cells reach ${colName(edge)} in the table's rows`);
  if (!first.out) {
    v.add('no-output', 'exit 0 but no output file');
    return v;
  }
  const outBook = checkPackage(first.out, v);
  if (outBook) checkAgainstInput(inBook, outBook, built, v);

  // (5) Re-checking is stable: check out1 → out2, then out2 → out3, and out3 has out2's bytes (the
  // contract of test/userSheets.test.ts: the first re-run may still settle the product's own sheets,
  // e.g. a summary first written under a free name).
  const second = await check(out1, out2, sheet);
  if (second.code !== 0 || !second.out) {
    v.add('second-run', `exit ${second.code}: ${second.stderr}`);
    return v;
  }
  // The re-run's output is held to the same rules against the original input.
  const again = v.rerun();
  const outBook2 = checkPackage(second.out, again);
  if (outBook2) checkAgainstInput(inBook, outBook2, built, again);
  const third = await check(out2, out3, sheet);
  if (third.code !== 0 || !third.out) {
    v.add('third-run', `exit ${third.code}: ${third.stderr}`);
  } else if (Buffer.compare(Buffer.from(third.out), Buffer.from(second.out)) !== 0) {
    v.add('re-run-differs', `out2 → out3 parts differing: ${partsDiffering(second.out, third.out)}`);
  }
  return v;
}

describe('the xlsx writer on generated workbooks (check --out)', () => {
  it(`keeps every user cell and sheet, writes visible status columns inside XFD and parseable XML, and re-runs settle to the same bytes (seed ${SEED}, ${NUM_RUNS} cases)`, async () => {
    await fc.assert(
      fc.asyncProperty(workbookArb, async (m) => {
        const v = await violationsOf(m);
        if (v.list.length) throw new Error(v.list.join('\n'));
      }),
      // The time limit only bounds shrinking a failure (a passing run takes well under it).
      { seed: SEED, numRuns: NUM_RUNS, interruptAfterTimeLimit: 150_000 },
    );
  }, 200_000);
});
