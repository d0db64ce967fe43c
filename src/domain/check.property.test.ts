/**
 * Property: any mix of values of any type in any column never makes the engine throw, and
 * every problem has a cell address and a message.
 */
import fc from 'fast-check';
import { COLUMNS } from './catalog';
import { checkSheet } from './check';
import type { RawCell } from './grid';
import { PRESETS } from './presets';
import { toJsonReport } from './report';
import { renderResult } from '../workbook/render';

const anyCell: fc.Arbitrary<RawCell> = fc.oneof(
  fc.constant(null),
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.double(),
  fc.integer(),
  fc.bigInt().map((b) => Number(b)),
  fc.boolean(),
  fc.constantFrom('#REF!', '#VALUE!', '#DIV/0!', '#N/A').map((error) => ({ error })),
  fc.constantFrom('Có', 'Không', 'HTT', 'Vững mạnh', '9.000', '1,5', '-', 'x', 'Tổng cộng', 'C«ng ®oµn', '=SUM(A1)', '  ', 'NaN', '2024'),
);

const headers = fc.shuffledSubarray(
  COLUMNS.map((c) => c.header),
  { minLength: 0, maxLength: 20 },
);

describe('engine on arbitrary input', () => {
  it('never throws; every problem has a cell and a message', () => {
    fc.assert(
      fc.property(
        headers,
        fc.array(fc.array(anyCell, { maxLength: 24 }), { maxLength: 30 }),
        fc.constantFrom(...PRESETS),
        fc.option(fc.integer({ min: 1990, max: 2060 }), { nil: undefined }),
        fc.array(anyCell, { maxLength: 4 }),
        (hs, body, set, year, title) => {
          const header: RawCell[] = ['Mã đơn vị', 'Tên đơn vị', ...hs];
          const grid = { name: 'S', rows: [title, header, ...body] };
          const out = checkSheet(grid, { targetSet: set, year, today: new Date(2026, 0, 1) });
          if (!out.ok) return;
          for (const p of out.value.problems) {
            expect(p.cell).toMatch(/^[A-Z]{1,3}[1-9]\d*$/);
            expect(p.message.length).toBeGreaterThan(10);
          }
          expect(() => JSON.stringify(toJsonReport(out.value))).not.toThrow();
          expect(() => renderResult(out.value, new Date(2026, 0, 1))).not.toThrow();
        },
      ),
      { numRuns: 300 },
    );
  });
});
