/**
 * Problems found in a return: one per cell and rule, each with the place, the unit and a
 * Vietnamese message that says what to type instead (spec/validation.md).
 */

export type Severity = 'error' | 'warning';

export type RuleId =
  | 'missing_column'
  | 'unknown_column'
  | 'required_missing'
  | 'not_a_number'
  | 'negative'
  | 'not_integer'
  | 'exceeds_total'
  | 'invalid_choice'
  | 'duplicate_unit'
  | 'total_row_mismatch'
  | 'legacy_encoding'
  | 'year_mismatch'
  | 'formula_error';

/** A safe fix the user may apply explicitly: write this value into the problem's cell. */
export interface Fix {
  readonly value: string | number;
  /** What the fix does, in Vietnamese (e.g. "Đổi thành chữ Unicode"). */
  readonly label: string;
}

export interface UnitRef {
  readonly code?: string;
  readonly name?: string;
}

interface ProblemBase {
  readonly severity: Severity;
  readonly sheet: string;
  /** A1 address as the user sees it. */
  readonly cell: string;
  /** 1-based row of the cell. */
  readonly row: number;
  /** 0-based column of the cell. */
  readonly col: number;
  /** Catalog key, or the header text for a column the catalog does not know. */
  readonly column?: string;
  readonly unit?: UnitRef;
  readonly message: string;
  readonly fix?: Fix;
}

/** The problem union, discriminated by its rule id. */
export type Problem = ProblemBase &
  (
    | { readonly rule: 'missing_column' }
    | { readonly rule: 'unknown_column' }
    | { readonly rule: 'required_missing' }
    | { readonly rule: 'not_a_number' }
    | { readonly rule: 'negative' }
    | { readonly rule: 'not_integer' }
    | { readonly rule: 'exceeds_total'; readonly whole: string }
    | { readonly rule: 'invalid_choice' }
    | { readonly rule: 'duplicate_unit'; readonly firstRow: number }
    | { readonly rule: 'total_row_mismatch'; readonly expected: number }
    | { readonly rule: 'legacy_encoding'; readonly encoding: 'tcvn3' | 'vni' }
    | { readonly rule: 'year_mismatch' }
    | { readonly rule: 'formula_error' }
  );

/** The severity each rule carries (not_a_number is downgraded to a warning for `-`, `—`, `x`). */
export const RULE_SEVERITY: Readonly<Record<RuleId, Severity>> = {
  missing_column: 'error',
  unknown_column: 'warning',
  required_missing: 'error',
  not_a_number: 'error',
  negative: 'error',
  not_integer: 'error',
  exceeds_total: 'error',
  invalid_choice: 'error',
  duplicate_unit: 'error',
  total_row_mismatch: 'error',
  legacy_encoding: 'warning',
  year_mismatch: 'warning',
  formula_error: 'error',
};

/** Vietnamese names of the rules, for the Kiểm tra sheet and the task pane. */
export const RULE_LABEL: Readonly<Record<RuleId, string>> = {
  missing_column: 'Thiếu cột',
  unknown_column: 'Cột không nhận ra',
  required_missing: 'Thiếu số liệu bắt buộc',
  not_a_number: 'Không phải số',
  negative: 'Số âm',
  not_integer: 'Không phải số nguyên',
  exceeds_total: 'Vượt quá tổng',
  invalid_choice: 'Giá trị không hợp lệ',
  duplicate_unit: 'Trùng đơn vị',
  total_row_mismatch: 'Dòng tổng không khớp',
  legacy_encoding: 'Chữ mã cũ (TCVN3/VNI)',
  year_mismatch: 'Khác năm báo cáo',
  formula_error: 'Ô bị lỗi công thức',
};
