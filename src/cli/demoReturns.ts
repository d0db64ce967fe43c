/**
 * Sample returns for `chitieu demo`: a folder of files as grassroots unions send them — most
 * fine, some with the usual troubles (columns renamed and reordered, title rows, a file sent
 * twice under another name, a corrected file sent again, an old .xls, a macro workbook, an empty file).
 */
import { join } from 'node:path';
import { columnDef } from '../domain/catalog';
import type { RawCell } from '../domain/grid';
import { sampleWorkbook } from '../domain/sample';
import type { TargetSet } from '../domain/targetSet';
import type { CellSpec } from '../workbook/plan';
import { createXlsx } from '../workbook/xlsx';
import { writeOutput } from './files';

function toCells(rows: readonly (readonly RawCell[])[]): (CellSpec | null)[][] {
  return rows.map((r) => r.map((v) => (v === null || typeof v === 'object' ? null : { v })));
}

function xlsx(rows: readonly (readonly RawCell[])[]): Uint8Array {
  const wb = createXlsx();
  wb.applySync({ sheets: [{ name: 'Báo cáo', rows: toCells(rows) }] });
  return wb.toBytes();
}

/** One unit's return: header + one row, codes and names made unique per file. */
function unitReturn(set: TargetSet, year: number, index: number, mistakes: boolean): RawCell[][] {
  const sample = sampleWorkbook(set, { units: 2, year, seed: 100 + index, mistakes: false, title: false });
  const header = sample.grid.rows[0] as RawCell[];
  const row = [...(sample.grid.rows[1] as RawCell[])];
  const codeCol = header.indexOf(columnDef('ma_don_vi')!.header);
  if (codeCol >= 0) row[codeCol] = `CD${String(index).padStart(3, '0')}`;
  if (mistakes) {
    const svCol = header.indexOf(columnDef('so_dv')!.header);
    if (svCol >= 0 && typeof row[svCol] === 'number') row[svCol] = `${(row[svCol] as number).toLocaleString('de-DE')} người`;
  }
  return [header, row];
}

/**
 * Writes the sample returns into `dir` and returns their paths, in the order a secretary would
 * pass them (the folder, sorted by name).
 *
 * @example
 * writeDemoReturns('chitieu-demo/bao-cao-cdcs', set, 2024)
 */
export function writeDemoReturns(dir: string, set: TargetSet, year: number): string[] {
  const written: string[] = [];
  const put = (name: string, data: Uint8Array | string) => {
    writeOutput(join(dir, name), data);
    written.push(join(dir, name));
  };
  for (let i = 1; i <= 8; i++) put(`bao-cao-cd${String(i).padStart(3, '0')}.xlsx`, xlsx(unitReturn(set, year, i, i === 3)));
  // Columns renamed (aliases) and reordered, with title rows above the header.
  const [header, row] = unitReturn(set, year, 9, false);
  const order = header.map((_, c) => c).reverse();
  const aliasOf = (h: RawCell) => (h === 'Mã đơn vị' ? 'Mã CĐCS' : h === 'Tên đơn vị' ? 'Tên công đoàn cơ sở' : h === 'Số đoàn viên' ? 'Số ĐV' : h);
  put('bao-cao-cd009.xlsx', xlsx([[`BÁO CÁO SỐ LIỆU CÔNG ĐOÀN CƠ SỞ NĂM ${year}`], [], order.map((c) => aliasOf(header[c])), order.map((c) => row[c])]));
  // The same return sent twice under another name.
  put('bao-cao-cd002-gui-lai.xlsx', xlsx(unitReturn(set, year, 2, false)));
  // A corrected return for CĐ003 (its number text fixed): replaces the first one.
  put('bao-cao-cd003-sua.xlsx', xlsx(unitReturn(set, year, 3, false)));
  // Files that cannot be used.
  put('bao-cao-cd010.xls', 'not an Excel 2007+ file');
  put('bao-cao-cd011.xlsm', 'macro workbook');
  put('bao-cao-cd012.xlsx', '');
  return written;
}
