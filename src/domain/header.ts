/**
 * Kept for the modules that import the table locator from here; the code lives in
 * `./table/` (header band, catalog matching, money units, the product's own columns).
 */
export { findTable, type ColumnRole, type TableColumn, type TableLayout } from './table/layout';
export { matchHeader } from './table/catalogMatch';
export { ERROR_COUNT_HEADER, isOutputHeader, SOURCE_HEADER, STATUS_HEADER_PREFIX } from './table/productColumns';
