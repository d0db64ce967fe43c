/**
 * Reading the unit register (`Danh bạ CĐCS`, spec/interfaces.md "Unit register"): the units a
 * body expects returns from, read with the same tolerant rules as the data table — header band,
 * catalog names and aliases, title rows, row kinds (totals, headings, blank rows and footers are
 * not units), values merged down over a block, TCVN3/VNI text.
 */
import { columnDef } from '../catalog';
import { a1, cellAt, type SheetGrid } from '../grid';
import { findTable, type TableLayout } from '../header';
import { normalizeCell } from '../normalize';
import { tableRows } from '../rows';
import { matchHeader } from '../table/catalogMatch';
import { HEADER_SCAN_ROWS } from '../table/headerBand';
import { fillMergesDown } from '../table/rows/mergedData';
import type { RegisterUnit } from './registerUnit';

/** The register's usual sheet name (the product writes it under this name). */
export const REGISTER_SHEET_NAME = 'Danh bạ CĐCS';

/** A row of the register that cannot be used as it is, at the cell to fix. */
export type RegisterProblem =
  | {
      /** A unit row without a code: it is left out (a return cannot be matched to it). */
      readonly kind: 'missing_code';
      readonly sheet: string;
      readonly cell: string;
      readonly row: number;
      readonly message: string;
    }
  | {
      /** A unit with a code but no name: it is kept, listed by its code. */
      readonly kind: 'missing_name';
      readonly sheet: string;
      readonly cell: string;
      readonly row: number;
      readonly code: string;
      readonly message: string;
    }
  | {
      /** The same code again (case and spaces aside): the later row is left out. */
      readonly kind: 'duplicate_code';
      readonly sheet: string;
      readonly cell: string;
      readonly row: number;
      readonly code: string;
      /** 1-based row of the first unit with this code, the one kept. */
      readonly firstRow: number;
      readonly message: string;
    };

export type RegisterRead =
  | { readonly ok: true; readonly sheet: string; readonly units: readonly RegisterUnit[]; readonly problems: readonly RegisterProblem[] }
  | { readonly ok: false; readonly message: string };

/** Codes compare as merge compares them: trimmed, spaces collapsed, case aside. */
export function codeKey(code: string): string {
  return code.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('vi');
}

/** The row (1-based) of the first header row in the top rows that names both the code and the name. */
function identityHeaderRow(grid: SheetGrid): number | undefined {
  const last = Math.min(HEADER_SCAN_ROWS, grid.rows.length);
  for (let r = 1; r <= last; r++) {
    const keys = new Set((grid.rows[r - 1] ?? []).map((v) => (typeof v === 'string' ? matchHeader(v) : undefined)));
    if (keys.has('ma_don_vi') && keys.has('ten_don_vi')) return r;
  }
  return undefined;
}

/**
 * The register's table: the data table's locator, and for a register of only `Mã` and `Tên`
 * (two catalog columns, one short of what a data table must name) the same locator on the sheet
 * with an empty `Năm` column added right of that header row — a column no register value is
 * read from, so the rows, titles and merges are read exactly as for a data table.
 */
function registerTable(grid: SheetGrid): { grid: SheetGrid; layout: TableLayout } | undefined {
  const layout = findTable(grid);
  if (layout && layout.keyCol.has('ma_don_vi') && layout.keyCol.has('ten_don_vi')) return { grid, layout };
  const row = identityHeaderRow(grid);
  if (row === undefined) return undefined;
  const rows = grid.rows.slice();
  const header = (rows[row - 1] ?? []).slice();
  header[header.length] = columnDef('nam')!.header;
  rows[row - 1] = header;
  const padded = { ...grid, rows };
  const again = findTable(padded);
  return again && again.keyCol.has('ma_don_vi') && again.keyCol.has('ten_don_vi') ? { grid: padded, layout: again } : undefined;
}

function text(grid: SheetGrid, layout: TableLayout, row: number, key: string): string | undefined {
  const col = layout.keyCol.get(key);
  if (col === undefined) return undefined;
  const raw = cellAt(grid, row, col);
  // A phone typed as a number loses its leading 0 in Excel (0912345678 → 912345678): put it back.
  if (key === 'dien_thoai' && typeof raw === 'number' && Number.isInteger(raw) && String(raw).length === 9) return `0${raw}`;
  const v = normalizeCell(raw, columnDef(key)!).value;
  return typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined;
}

/** A choice column's canonical value (`KVNN` → `Nhà nước`), or undefined when blank or not recognised. */
function choice(grid: SheetGrid, layout: TableLayout, row: number, key: string): string | undefined {
  const col = layout.keyCol.get(key);
  if (col === undefined) return undefined;
  const v = normalizeCell(cellAt(grid, row, col), columnDef(key)!).value;
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/**
 * Reads the register from one sheet: every unit row, in the sheet's order, and the rows that
 * need fixing. Fails (with a Vietnamese sentence) when the sheet has no table naming both the
 * unit code and the unit name.
 *
 * @example
 * // Row 3: STT | Mã đơn vị | Tên đơn vị | Người liên hệ | SĐT ; rows 4–5 units ; row 6 "Tổng cộng: 2 đơn vị"
 * readRegister(grid) // { ok: true, sheet: 'Danh bạ CĐCS', units: [{ code: 'CD001', row: 4, … }, { code: 'CD002', row: 5, … }], problems: [] }
 */
export function readRegister(grid: SheetGrid): RegisterRead {
  const found = registerTable(grid);
  if (!found) {
    return {
      ok: false,
      message: `Sheet "${grid.name}" không có danh bạ đơn vị: cần một dòng tiêu đề có cả "Mã đơn vị" và "Tên đơn vị" (trong ${HEADER_SCAN_ROWS} dòng đầu). Hãy thêm dòng tiêu đề đó, hoặc tạo danh bạ bằng lệnh "chitieu register --from TỔNG_HỢP.xlsx --out DANH-BA.xlsx".`,
    };
  }
  const { layout } = found;
  // A parent or sector merged down over a block of units is every unit's (layouts.md).
  const data = fillMergesDown(found.grid, layout.headerRow);
  const codeCol = layout.keyCol.get('ma_don_vi')!;
  const nameCol = layout.keyCol.get('ten_don_vi')!;
  const units: RegisterUnit[] = [];
  const problems: RegisterProblem[] = [];
  const firstRow = new Map<string, number>();
  for (const row of tableRows(found.grid, layout).units) {
    const code = text(data, layout, row, 'ma_don_vi');
    const name = text(data, layout, row, 'ten_don_vi');
    if (code === undefined) {
      problems.push({
        kind: 'missing_code',
        sheet: grid.name,
        cell: a1(row, codeCol),
        row,
        message: `Ô ${a1(row, codeCol)} (sheet "${grid.name}") chưa có mã đơn vị${name ? ` cho "${name}"` : ''}: dòng này không được tính vào danh bạ. Hãy điền mã đơn vị (ví dụ CD001).`,
      });
      continue;
    }
    const key = codeKey(code);
    const first = firstRow.get(key);
    if (first !== undefined) {
      problems.push({
        kind: 'duplicate_code',
        sheet: grid.name,
        cell: a1(row, codeCol),
        row,
        code,
        firstRow: first,
        message: `Mã đơn vị "${code}" ở ô ${a1(row, codeCol)} (sheet "${grid.name}") trùng với mã ở dòng ${first}: chỉ dòng ${first} được dùng. Hãy sửa mã của một trong hai dòng hoặc xóa dòng thừa.`,
      });
      continue;
    }
    firstRow.set(key, row);
    if (name === undefined) {
      problems.push({
        kind: 'missing_name',
        sheet: grid.name,
        cell: a1(row, nameCol),
        row,
        code,
        message: `Ô ${a1(row, nameCol)} (sheet "${grid.name}") chưa có tên đơn vị cho mã "${code}": đơn vị vẫn có trong danh bạ nhưng chỉ hiện bằng mã. Hãy điền tên đơn vị.`,
      });
    }
    const parent = text(data, layout, row, 'don_vi_cap_tren');
    const sector = choice(data, layout, row, 'khu_vuc');
    const level = choice(data, layout, row, 'cap');
    const person = text(data, layout, row, 'nguoi_lien_he');
    const phone = text(data, layout, row, 'dien_thoai');
    const email = text(data, layout, row, 'email');
    units.push({
      code,
      name: name ?? '',
      ...(parent !== undefined ? { parent } : {}),
      ...(sector !== undefined ? { sector } : {}),
      ...(level !== undefined ? { level } : {}),
      contact: {
        ...(person !== undefined ? { person } : {}),
        ...(phone !== undefined ? { phone } : {}),
        ...(email !== undefined ? { email } : {}),
      },
      row,
    });
  }
  return { ok: true, sheet: grid.name, units, problems };
}

/** Sheet names compare as Excel compares them. */
const sameName = (a: string, b: string): boolean => a.normalize('NFC').toLowerCase() === b.normalize('NFC').toLowerCase();

/**
 * The register of a workbook: the sheet named `Danh bạ CĐCS` when there is one, else the first
 * sheet whose table names both the unit code and the unit name (a data table is a register too).
 *
 * @example
 * findRegister([dataGrid, registerGrid]).ok // true, read from the sheet named Danh bạ CĐCS
 */
export function findRegister(sheets: readonly SheetGrid[]): RegisterRead {
  const named = sheets.find((s) => sameName(s.name, REGISTER_SHEET_NAME));
  if (named) return readRegister(named);
  for (const grid of sheets) {
    const read = readRegister(grid);
    if (read.ok) return read;
  }
  return {
    ok: false,
    message: `Không tìm thấy danh bạ đơn vị: không sheet nào có dòng tiêu đề gồm cả "Mã đơn vị" và "Tên đơn vị". Hãy dùng tệp danh bạ (sheet "${REGISTER_SHEET_NAME}") hoặc tạo bằng lệnh "chitieu register --from TỔNG_HỢP.xlsx --out DANH-BA.xlsx".`,
  };
}
