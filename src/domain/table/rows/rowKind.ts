/**
 * What a row below the header is (spec/layouts.md, "Rows inside the table"): exactly one of
 * these. Only units are read as data; the kind of every row is shown in the JSON report.
 */

/** The kinds, in the order the report lists them. */
export const ROW_KINDS = [
  'unit',
  'column_numbers',
  'section_heading',
  'subtotal',
  'grand_total',
  'breakdown',
  'template',
  'blank',
  'footer',
] as const;

/**
 * One row's kind.
 *
 * @example
 * const kind: RowKind = 'subtotal'; // a `Cộng khối …` row
 */
export type RowKind = (typeof ROW_KINDS)[number];
