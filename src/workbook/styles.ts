/**
 * The named cell styles the product writes. Adapters translate them into their own formats.
 * Status colours pair a fill with a font colour and a distinct weight/style so they stay
 * readable in black-and-white print (Đạt bold, Chưa đạt bold italic, Thiếu dữ liệu italic).
 */

export interface StyleDef {
  readonly font?: {
    readonly bold?: boolean;
    readonly italic?: boolean;
    readonly underline?: boolean;
    /** RRGGBB */
    readonly color?: string;
    readonly size?: number;
  };
  /** Solid fill, RRGGBB. */
  readonly fill?: string;
  readonly border?: boolean;
  readonly align?: {
    readonly h?: 'left' | 'center' | 'right';
    readonly v?: 'top' | 'center';
    readonly wrap?: boolean;
  };
  /** Excel number format code, e.g. '#,##0'. */
  readonly numFmt?: string;
}

export type StyleKey =
  | 'status_DAT'
  | 'status_CHUA_DAT'
  | 'status_THIEU_DU_LIEU'
  | 'status_KHONG_AP_DUNG'
  | 'output_header'
  | 'errors_none'
  | 'errors_some'
  | 'org'
  | 'org_bold'
  | 'motto'
  | 'motto_sub'
  | 'place_date'
  | 'title'
  | 'subtitle'
  | 'table_header'
  | 'cell'
  | 'cell_center'
  | 'cell_number'
  | 'cell_percent'
  | 'link'
  | 'note'
  | 'section'
  | 'data_header'
  | 'severity_error'
  | 'severity_warning';

const BORDERED = { border: true } as const;

export const STYLES: Readonly<Record<StyleKey, StyleDef>> = {
  status_DAT: { fill: 'C6EFCE', font: { bold: true, color: '006100' }, align: { h: 'center', v: 'center' }, ...BORDERED },
  status_CHUA_DAT: {
    fill: 'FFC7CE',
    font: { bold: true, italic: true, color: '9C0006' },
    align: { h: 'center', v: 'center' },
    ...BORDERED,
  },
  status_THIEU_DU_LIEU: {
    fill: 'FFEB9C',
    font: { italic: true, color: '7F6000' },
    align: { h: 'center', v: 'center' },
    ...BORDERED,
  },
  status_KHONG_AP_DUNG: { fill: 'E7E6E6', font: { color: '3A3A3A' }, align: { h: 'center', v: 'center' }, ...BORDERED },
  output_header: {
    fill: 'DDEBF7',
    font: { bold: true, color: '1F3864' },
    align: { h: 'center', v: 'center', wrap: true },
    ...BORDERED,
  },
  errors_none: { align: { h: 'center', v: 'center' }, ...BORDERED },
  errors_some: { fill: 'FFC7CE', font: { bold: true, color: '9C0006' }, align: { h: 'center', v: 'center' }, ...BORDERED },
  org: { font: { size: 12 }, align: { h: 'center', v: 'center' } },
  org_bold: { font: { bold: true, size: 12 }, align: { h: 'center', v: 'center' } },
  motto: { font: { bold: true, size: 12 }, align: { h: 'center', v: 'center' } },
  motto_sub: { font: { bold: true, underline: true, size: 12 }, align: { h: 'center', v: 'center' } },
  place_date: { font: { italic: true, size: 12 }, align: { h: 'center', v: 'center' } },
  title: { font: { bold: true, size: 14 }, align: { h: 'center', v: 'center', wrap: true } },
  subtitle: { font: { italic: true, size: 12 }, align: { h: 'center', v: 'center', wrap: true } },
  table_header: {
    fill: 'D9E1F2',
    font: { bold: true, color: '000000' },
    align: { h: 'center', v: 'center', wrap: true },
    ...BORDERED,
  },
  cell: { align: { v: 'top', wrap: true }, ...BORDERED },
  cell_center: { align: { h: 'center', v: 'top', wrap: true }, ...BORDERED },
  cell_number: { align: { h: 'right', v: 'top' }, numFmt: '#,##0', ...BORDERED },
  cell_percent: { align: { h: 'right', v: 'top' }, numFmt: '0.0', ...BORDERED },
  link: { font: { underline: true, color: '0563C1' }, align: { h: 'center', v: 'top' }, ...BORDERED },
  note: { font: { italic: true, size: 10 }, align: { v: 'top', wrap: true } },
  section: { font: { bold: true, size: 12 }, align: { v: 'center' } },
  data_header: { fill: 'D9E1F2', font: { bold: true }, align: { h: 'center', v: 'center', wrap: true }, ...BORDERED },
  severity_error: { font: { bold: true, color: '9C0006' }, align: { h: 'center', v: 'top' }, ...BORDERED },
  severity_warning: { font: { color: '7F6000' }, align: { h: 'center', v: 'top' }, ...BORDERED },
};
