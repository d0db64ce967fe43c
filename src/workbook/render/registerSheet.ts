/**
 * The `Danh bạ CĐCS` sheet (spec/interfaces.md "Unit register"): one row per unit a body expects a
 * return from — code, name, parent, sector, level and the contact columns the secretary fills in
 * to chase returns. `chitieu register` writes it from a data table; the pane from the open table.
 * Read back by domain/cycle/register.ts like any table (its header names catalog columns).
 */
import { columnDef } from '../../domain/catalog';
import { formatNumber } from '../../domain/format';
import type { RegisterUnit } from '../../domain/cycle/registerUnit';
import type { CellSpec, SheetSpec } from '../plan';
import { OWN_SHEET_TITLE } from '../ownSheets';
import { rowHeightFor } from './rowHeight';
import { PAGE_FOOTER } from './summarySheet';

/** The header row: the catalog's headers, so any reader of data tables reads it (ownSheets.ts recognises the sheet by it). */
export const REGISTER_HEADER = [
  'STT',
  ...['ma_don_vi', 'ten_don_vi', 'don_vi_cap_tren', 'khu_vuc', 'cap', 'nguoi_lien_he', 'dien_thoai', 'email'].map((k) => columnDef(k)!.header),
] as const;

const WIDTHS = [6, 12, 38, 26, 16, 13, 24, 14, 28];
/** 1-based row of the header: a title and a one-line note above it. */
export const REGISTER_HEADER_ROW = 4;

const text = (v: string | undefined): CellSpec => ({ v: v ?? null, s: 'cell' });

/**
 * The register as a sheet, units in the order given (the table's order). Contact cells are
 * written empty, bordered, where the units have none, for the secretary to fill in.
 *
 * @example
 * const units = readRegister(dataGrid); // the current data table, read as a register
 * if (units.ok) await port.apply({ sheets: [registerSheet(units.units)] });
 */
export function registerSheet(units: readonly RegisterUnit[], name: string = OWN_SHEET_TITLE.register): SheetSpec {
  const rows: (CellSpec | null)[][] = [
    [{ v: 'DANH BẠ CÔNG ĐOÀN CƠ SỞ', s: 'section' }],
    [
      {
        v: `${formatNumber(units.length)} đơn vị phải nộp báo cáo. Điền người liên hệ, điện thoại, email để theo dõi đơn vị chưa nộp; thêm hoặc bớt dòng khi danh sách đơn vị thay đổi.`,
        s: 'note',
      },
    ],
    [],
    REGISTER_HEADER.map((h) => ({ v: h, s: 'table_header' as const })),
  ];
  const heights: Record<number, number> = { 1: 22, 2: 32, [REGISTER_HEADER_ROW]: 32 };
  units.forEach((u, i) => {
    const line = [undefined, u.code, u.name, u.parent, u.sector, u.level, u.contact.person, u.contact.phone, u.contact.email];
    rows.push([{ v: i + 1, s: 'cell_stt' }, ...line.slice(1).map(text)]);
    heights[rows.length] = Math.max(18, rowHeightFor(line, WIDTHS, 12));
  });
  return {
    name,
    kind: 'register',
    rows,
    colWidths: WIDTHS,
    rowHeights: heights,
    merges: ['A1:I1', 'A2:I2'],
    freeze: { rows: REGISTER_HEADER_ROW, cols: 3 },
    page: { landscape: true, fitToWidth: true, printTitleRows: [REGISTER_HEADER_ROW, REGISTER_HEADER_ROW], footer: PAGE_FOOTER },
  };
}
