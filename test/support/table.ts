/**
 * Builds a SheetGrid in a test: optional title rows, a header row of catalog keys (written as
 * their catalog headers) and unit rows given as objects keyed by catalog key.
 */
import { columnDef } from '../../src/domain/catalog';
import type { RawCell, SheetGrid } from '../../src/domain/grid';

export interface TableSpec {
  readonly name?: string;
  readonly title?: readonly (readonly RawCell[])[];
  readonly keys: readonly string[];
  readonly rows: readonly Readonly<Record<string, RawCell>>[];
}

export function table(spec: TableSpec): SheetGrid {
  const header = spec.keys.map((k) => columnDef(k)?.header ?? k);
  const body = spec.rows.map((r) => spec.keys.map((k) => (k in r ? r[k] : null)));
  return { name: spec.name ?? 'Dữ liệu CĐCS', rows: [...(spec.title ?? []), header, ...body] };
}

/** n unit rows built by a function of the index (0-based). */
export function units(n: number, f: (i: number) => Record<string, RawCell>): Record<string, RawCell>[] {
  return Array.from({ length: n }, (_, i) => ({ ma_don_vi: `CD${String(i + 1).padStart(3, '0')}`, ten_don_vi: `CĐCS số ${i + 1}`, khu_vuc: 'Nhà nước', ...f(i) }));
}
