/** The absolute form of a range for a defined name such as `_xlnm.Print_Area`. */
import { columnLetters } from '../../domain/grid';
import type { Range } from './refs';

/**
 * @example
 * absoluteRange({ r1: 1, c1: 0, r2: 40, c2: 14 }) // '$A$1:$O$40'
 */
export function absoluteRange(r: Range): string {
  return `$${columnLetters(r.c1)}$${r.r1}:$${columnLetters(r.c2)}$${r.r2}`;
}
