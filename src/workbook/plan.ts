/**
 * The output plan: everything the product writes into a workbook, as plain data.
 * `render/` builds it from one result model; every adapter (xlsx, Office) applies it the same way,
 * so Excel and the command line give the same workbook.
 */
import type { OwnSheetKind } from './ownSheets';
import type { StyleKey } from './styles';

/** One cell to write. Text is always written as a value, never as a formula. */
export interface CellSpec {
  readonly v: string | number | boolean | null;
  readonly s?: StyleKey;
  /** An internal hyperlink to a cell of this workbook. */
  readonly link?: { readonly sheet: string; readonly cell: string };
}

export interface PageSpec {
  readonly landscape: boolean;
  /** Fit all columns on one page width (any number of pages tall). */
  readonly fitToWidth: boolean;
  /** Rows repeated at the top of each printed page, 1-based inclusive. */
  readonly printTitleRows?: readonly [number, number];
  /** The part of the sheet that prints, e.g. 'A1:O40' (absent: everything used). */
  readonly printArea?: string;
  /** Page footer in Excel's header/footer codes, e.g. 'Trang &P/&N' (centred). */
  readonly footer?: string;
}

export interface ValidationSpec {
  /** A1 range, e.g. 'E2:E500'. */
  readonly range: string;
  /** The allowed values (a drop-down list). */
  readonly list: readonly string[];
  /** The message shown when a cell of the range is selected. */
  readonly prompt?: InputMessage;
}

/** A message box of a validation: a title (at most 32 characters) and a text (at most 255). */
export interface InputMessage {
  readonly title: string;
  readonly text: string;
}

/**
 * A number rule on a range (template count and money columns): whole numbers or any number, at
 * least `min` (and at most `max`); blank cells allowed; anything else refused with `error`.
 */
export interface NumberRuleSpec {
  /** A1 range, e.g. 'E2:E1001'. */
  readonly range: string;
  /** 'whole': integers (counts, years); 'decimal': any number (amounts). */
  readonly type: 'whole' | 'decimal';
  readonly min: number;
  readonly max?: number;
  /** Shown when a cell of the range is selected. */
  readonly prompt: InputMessage;
  /** Shown when a typed value breaks the rule (the value is refused). */
  readonly error: InputMessage;
}

/**
 * An input message alone, without a rule (any value allowed): shown when a cell of the range is
 * selected, e.g. on a send-out return's header, saying what to type under it.
 */
export interface PromptSpec {
  /** A1 range, e.g. 'F13'. */
  readonly range: string;
  readonly prompt: InputMessage;
}

/**
 * The sheet protected without a password: every cell is locked except those whose style says
 * `unlocked` (styles.ts), so a secretary types only where the product expects it.
 */
export interface ProtectionSpec {
  /** Column widths (and row heights, below) may still be changed on the protected sheet. */
  readonly allowFormatColumns: boolean;
  readonly allowFormatRows: boolean;
}

/** Columns grouped in an outline (one level), e.g. a template's technical columns. */
export interface ColumnGroupSpec {
  /** 0-based first and last column of the group. */
  readonly from: number;
  readonly to: number;
  /** Hidden, with the group's + button shown on the column after it. */
  readonly collapsed: boolean;
}

/**
 * A native chart over a block of the sheet, one series per data column: clustered columns
 * (target against result, on Tổng hợp) or, with `type: 'line'`, one line per series over the
 * categories (indicators year by year, on Tiến độ). The Office adapter draws it with Excel's
 * charts, the xlsx adapter as a DrawingML part.
 */
export interface ChartSpec {
  /** Absent: clustered columns. */
  readonly type?: 'line';
  readonly title: string;
  /** The data block: header row first, categories in its first column, e.g. 'A20:C28'. */
  readonly data: string;
  /** The cells the chart covers, e.g. 'D20:G36'. */
  readonly at: string;
}

/** A whole sheet the product owns (Tổng hợp, Kiểm tra, a template's sheets): replaced as a whole. */
export interface SheetSpec {
  readonly name: string;
  /** Set on the product's own sheets: adapters mark the sheet so a later run finds it even renamed. */
  readonly kind?: OwnSheetKind;
  /** rows[r][c] is the cell at row r+1, column c+1; null leaves the cell empty. */
  readonly rows: readonly (readonly (CellSpec | null)[])[];
  /** Column widths in characters, from column A. */
  readonly colWidths?: readonly number[];
  /** Row heights in points, by 1-based row. */
  readonly rowHeights?: Readonly<Record<number, number>>;
  /** Merged ranges, e.g. 'A1:C1'. */
  readonly merges?: readonly string[];
  /** Frozen panes: rows above and columns left of the split. */
  readonly freeze?: { readonly rows: number; readonly cols: number };
  readonly validations?: readonly ValidationSpec[];
  /** Number rules (whole / decimal) with input messages, written with the list validations. */
  readonly numberRules?: readonly NumberRuleSpec[];
  /** Input messages without a rule (written by the xlsx adapter; only send-out returns use them). */
  readonly prompts?: readonly PromptSpec[];
  readonly protection?: ProtectionSpec;
  readonly columnGroups?: readonly ColumnGroupSpec[];
  readonly page?: PageSpec;
  readonly chart?: ChartSpec;
  /** Further charts of the sheet, drawn after `chart` (Tiến độ has one per indicator group). */
  readonly charts?: readonly ChartSpec[];
}

/** The product's columns on the user's data sheet: status columns and `Lỗi dữ liệu`. */
export interface DataSheetPatch {
  readonly sheet: string;
  /**
   * Columns (0-based) holding an earlier run's output: cleared (values and formats) from
   * `clearFromRow` down before writing, so a changed target set leaves nothing stale.
   */
  readonly clearCols: readonly number[];
  readonly clearFromRow: number;
  /** Last row cleared (default: the sheet's last): a user's note below the table in those columns stays. */
  readonly clearToRow?: number;
  /** 0-based column of the first status column. */
  readonly startCol: number;
  /** Cells to write, by 1-based row; each row's cells start at `startCol`. */
  readonly rows: readonly { readonly row: number; readonly cells: readonly CellSpec[] }[];
  /** Widths (characters) of the written columns, from `startCol`. */
  readonly colWidths: readonly number[];
  /**
   * View and print settings of the data sheet (the only things of the user's sheet besides the
   * product's columns that change): header rows and identity columns frozen, and repeated on
   * every printed page, so status columns printed on a later page still show their unit.
   */
  readonly view?: DataSheetView;
}

/** Frozen panes and print titles of the user's data sheet. */
export interface DataSheetView {
  /** Rows above and columns left of the split (0 = none). */
  readonly freeze: { readonly rows: number; readonly cols: number };
  /** Rows repeated at the top of each printed page, 1-based inclusive. */
  readonly printTitleRows?: readonly [number, number];
  /** Columns repeated at the left of each printed page, 0-based inclusive. */
  readonly printTitleCols?: readonly [number, number];
}

export interface OutputPlan {
  readonly data?: DataSheetPatch;
  /** Sheets to create or replace whole, in this order, after the existing sheets. */
  readonly sheets: readonly SheetSpec[];
  /** The sheet the workbook opens on (the only selected tab), e.g. `Tổng hợp`. */
  readonly activeSheet?: string;
}

/** What "Xóa kết quả" removes: the product's sheets and its columns on the data sheet. */
export interface ClearPlan {
  readonly data?: { readonly sheet: string; readonly cols: readonly number[]; readonly fromRow: number; readonly toRow?: number };
  /** Sheets the product wrote, removed whole. */
  readonly sheets: readonly string[];
}
