/**
 * The named cell styles the product writes. Adapters translate them into their own formats.
 * Status colours pair a fill with a font colour and a distinct weight/style so they stay
 * readable in black-and-white print (Đạt bold, Chưa đạt bold italic, Thiếu dữ liệu italic), and
 * a mark (✓ / ✗) that a number format puts before the word: the cell's value stays the status
 * word itself, so every reader matching `Đạt` / `Chưa đạt` (filters, formulas, the product's own
 * readers) still finds it, while print and screen show `✓ Đạt` / `✗ Chưa đạt`.
 *
 * Every style names its font (Times New Roman, interfaces.md "The meeting document"): a cell
 * the product writes prints in it whatever the workbook's default font is.
 */

export interface StyleDef {
  readonly font?: {
    readonly bold?: boolean;
    readonly italic?: boolean;
    readonly underline?: boolean;
    /** RRGGBB */
    readonly color?: string;
    readonly size?: number;
    /** Font name; absent = the workbook's default font. */
    readonly name?: string;
    /** OOXML font family number (1 = Roman/serif), written with `name`. */
    readonly family?: number;
  };
  /** Solid fill, RRGGBB. */
  readonly fill?: string;
  readonly border?: boolean;
  readonly align?: {
    readonly h?: 'left' | 'center' | 'right';
    readonly v?: 'top' | 'center';
    readonly wrap?: boolean;
    /** Shrink the text to the cell's width rather than wrap or overflow (codes, figures). */
    readonly shrink?: boolean;
  };
  /** Excel number format code, e.g. '#,##0'. */
  readonly numFmt?: string;
  /** The cell stays editable when its sheet is protected (a template's Mục tiêu cells). */
  readonly unlocked?: boolean;
}

export type StyleKey =
  | 'status_DAT'
  | 'status_CHUA_DAT'
  | 'status_THIEU_DU_LIEU'
  | 'status_KHONG_AP_DUNG'
  | 'chase_received'
  | 'chase_resent'
  | 'chase_missing'
  | 'chase_unknown'
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
  | 'severity_warning'
  | 'doc_number'
  | 'sign_title'
  | 'sign_note'
  | 'title_note'
  | 'cell_figure'
  | 'cell_stt'
  | 'code_small'
  | 'code_header'
  | 'section_row'
  | 'cell_input'
  | 'meta_label'
  | 'reference_header'
  | 'cell_reference';

const BORDERED = { border: true } as const;

/** The font of every cell the product writes (Nghị định 30/2020 documents are set in it). */
export const DOCUMENT_FONT = 'Times New Roman';
/** Table cells (12 pt) and the document's body lines (13 pt). */
export const TABLE_FONT_SIZE = 12;
export const BODY_FONT_SIZE = 13;

/** A font in Times New Roman at `size` (12 pt by default), with the other attributes given. */
const tnr = (f: Omit<NonNullable<StyleDef['font']>, 'name' | 'family'> = {}): NonNullable<StyleDef['font']> => ({
  size: TABLE_FONT_SIZE,
  ...f,
  name: DOCUMENT_FONT,
  family: 1,
});

/**
 * The status marks, as number formats for text (`"✓ "@` shows `✓ Đạt` for the value `Đạt`).
 * Thiếu dữ liệu and Không áp dụng get marks too, so no two statuses print alike in grey.
 */
export const STATUS_MARK: Readonly<Record<'DAT' | 'CHUA_DAT' | 'THIEU_DU_LIEU' | 'KHONG_AP_DUNG', string>> = {
  DAT: '✓',
  CHUA_DAT: '✗',
  THIEU_DU_LIEU: '?',
  KHONG_AP_DUNG: '–',
};
const markFormat = (mark: string): string => `"${mark} "@`;

export const STYLES: Readonly<Record<StyleKey, StyleDef>> = {
  status_DAT: {
    fill: 'C6EFCE',
    font: tnr({ bold: true, color: '006100' }),
    align: { h: 'center', v: 'center' },
    numFmt: markFormat(STATUS_MARK.DAT),
    ...BORDERED,
  },
  status_CHUA_DAT: {
    fill: 'FFC7CE',
    font: tnr({ bold: true, italic: true, color: '9C0006' }),
    align: { h: 'center', v: 'center' },
    numFmt: markFormat(STATUS_MARK.CHUA_DAT),
    ...BORDERED,
  },
  status_THIEU_DU_LIEU: {
    fill: 'FFEB9C',
    font: tnr({ italic: true, color: '7F6000' }),
    align: { h: 'center', v: 'center' },
    numFmt: markFormat(STATUS_MARK.THIEU_DU_LIEU),
    ...BORDERED,
  },
  status_KHONG_AP_DUNG: {
    fill: 'E7E6E6',
    font: tnr({ color: '3A3A3A' }),
    align: { h: 'center', v: 'center' },
    numFmt: markFormat(STATUS_MARK.KHONG_AP_DUNG),
    ...BORDERED,
  },
  // Theo dõi nộp báo cáo: Chưa nộp amber, bold italic and marked ✗, so it stands out in grey print too.
  chase_received: { font: tnr(), align: { h: 'center', v: 'top' }, numFmt: markFormat(STATUS_MARK.DAT), ...BORDERED },
  chase_resent: { fill: 'DDEBF7', font: tnr({ bold: true, color: '1F3864' }), align: { h: 'center', v: 'top' }, numFmt: markFormat(STATUS_MARK.DAT), ...BORDERED },
  chase_missing: { fill: 'FFEB9C', font: tnr({ bold: true, italic: true, color: '7F6000' }), align: { h: 'center', v: 'top' }, numFmt: markFormat(STATUS_MARK.CHUA_DAT), ...BORDERED },
  chase_unknown: { fill: 'E7E6E6', font: tnr({ italic: true, color: '3A3A3A' }), align: { h: 'center', v: 'top', wrap: true }, numFmt: markFormat(STATUS_MARK.THIEU_DU_LIEU), ...BORDERED },
  output_header: {
    fill: 'DDEBF7',
    font: tnr({ bold: true, color: '1F3864' }),
    align: { h: 'center', v: 'center', wrap: true },
    ...BORDERED,
  },
  errors_none: { font: tnr(), align: { h: 'center', v: 'center' }, ...BORDERED },
  errors_some: { fill: 'FFC7CE', font: tnr({ bold: true, color: '9C0006' }), align: { h: 'center', v: 'center' }, ...BORDERED },
  org: { font: tnr({ size: BODY_FONT_SIZE }), align: { h: 'center', v: 'center', wrap: true } },
  org_bold: { font: tnr({ bold: true, size: BODY_FONT_SIZE }), align: { h: 'center', v: 'center', wrap: true } },
  motto: { font: tnr({ bold: true, size: BODY_FONT_SIZE }), align: { h: 'center', v: 'center' } },
  motto_sub: { font: tnr({ bold: true, underline: true, size: BODY_FONT_SIZE }), align: { h: 'center', v: 'center' } },
  place_date: { font: tnr({ italic: true, size: BODY_FONT_SIZE }), align: { h: 'center', v: 'center' } },
  doc_number: { font: tnr({ size: BODY_FONT_SIZE }), align: { h: 'center', v: 'center' } },
  title: { font: tnr({ bold: true, size: 14 }), align: { h: 'center', v: 'center', wrap: true } },
  subtitle: { font: tnr({ italic: true, size: BODY_FONT_SIZE }), align: { h: 'center', v: 'center', wrap: true } },
  title_note: { font: tnr({ italic: true, bold: true, size: TABLE_FONT_SIZE, color: '7F6000' }), align: { h: 'center', v: 'center', wrap: true } },
  sign_title: { font: tnr({ bold: true, size: BODY_FONT_SIZE }), align: { h: 'center', v: 'center', wrap: true } },
  sign_note: { font: tnr({ italic: true, size: BODY_FONT_SIZE }), align: { h: 'center', v: 'center' } },
  table_header: {
    fill: 'D9E1F2',
    font: tnr({ bold: true, color: '000000' }),
    align: { h: 'center', v: 'center', wrap: true },
    ...BORDERED,
  },
  code_header: { fill: 'D9E1F2', font: tnr({ size: 9, color: '595959' }), align: { h: 'center', v: 'center', wrap: true }, ...BORDERED },
  cell: { font: tnr(), align: { v: 'top', wrap: true }, ...BORDERED },
  cell_center: { font: tnr(), align: { h: 'center', v: 'top', wrap: true }, ...BORDERED },
  cell_stt: { font: tnr(), align: { h: 'center', v: 'top' }, ...BORDERED },
  // Figures: centred and wrapped only at spaces (the column is as wide as the longest number).
  cell_figure: { font: tnr(), align: { h: 'center', v: 'top', wrap: true }, ...BORDERED },
  code_small: { font: tnr({ size: 9, color: '808080' }), align: { v: 'top', shrink: true }, ...BORDERED },
  cell_number: { font: tnr(), align: { h: 'right', v: 'top' }, numFmt: '#,##0', ...BORDERED },
  cell_percent: { font: tnr(), align: { h: 'right', v: 'top' }, numFmt: '0.0', ...BORDERED },
  link: { font: tnr({ underline: true, color: '0563C1' }), align: { h: 'center', v: 'top' }, ...BORDERED },
  note: { font: tnr({ italic: true, size: TABLE_FONT_SIZE }), align: { v: 'top', wrap: true } },
  section: { font: tnr({ bold: true, size: BODY_FONT_SIZE }), align: { v: 'center' } },
  section_row: { fill: 'F2F2F2', font: tnr({ bold: true }), align: { v: 'center', wrap: true }, ...BORDERED },
  data_header: { fill: 'D9E1F2', font: tnr({ bold: true }), align: { h: 'center', v: 'center', wrap: true }, ...BORDERED },
  severity_error: { font: tnr({ bold: true, color: '9C0006' }), align: { h: 'center', v: 'top' }, ...BORDERED },
  severity_warning: { font: tnr({ color: '7F6000' }), align: { h: 'center', v: 'top' }, ...BORDERED },
  // The cells a secretary edits on a protected sheet: a light fill says where to type.
  cell_input: { fill: 'FFF2CC', font: tnr({ bold: true }), align: { h: 'center', v: 'top', wrap: true }, unlocked: true, ...BORDERED },
  meta_label: { fill: 'F2F2F2', font: tnr({ bold: true }), align: { v: 'top', wrap: true }, ...BORDERED },
  // A send-out return's figures of last year beside the input cells: grey, locked, for reference only.
  reference_header: { fill: 'E7E6E6', font: tnr({ bold: true, italic: true, color: '404040' }), align: { h: 'center', v: 'center', wrap: true }, ...BORDERED },
  cell_reference: { fill: 'E7E6E6', font: tnr({ italic: true, color: '404040' }), align: { h: 'center', v: 'top', wrap: true }, numFmt: '#,##0', ...BORDERED },
};
