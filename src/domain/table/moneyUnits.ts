/**
 * Money units written in a header (spec/layouts.md, "Money units in the header"): `(đồng)`,
 * `(đ)` mean đồng; `(nghìn đồng)`, `(1.000đ)`, `(ngàn đồng)` mean ×1,000; `(triệu đồng)`, `(tr.đ)`,
 * `(trđ)` mean ×1,000,000. The table reader records the scale per column; value reading converts.
 */
import { stripDiacritics } from '../text';
import { headerReadings } from './headerText';

/** How many đồng one unit of a money column is. */
export type MoneyScale = 1 | 1000 | 1000000;

/** A money unit found in a header: its scale, and the text as written (`(triệu đồng)`). */
export interface MoneyUnit {
  readonly scale: MoneyScale;
  readonly text: string;
}

/**
 * Unit spellings, compared lower-case, without diacritics, spaces, dots or commas
 * (`(1.000 đ)` → `1000d`, `(tr.đ)` → `trd`).
 */
const UNITS: ReadonlyMap<string, MoneyScale> = new Map<string, MoneyScale>([
  ...['dong', 'd', 'vnd', 'dongvn'].map((u) => [u, 1] as const),
  ...[
    'nghindong',
    'ngandong',
    'nghind',
    'ngand',
    'ngd',
    'ngdong',
    'nghin',
    'ngan',
    '1000d',
    '1000dong',
    '1000vnd',
    'nghinvnd',
  ].map((u) => [u, 1000] as const),
  ...['trieudong', 'trieud', 'trd', 'tr', 'trdong', 'trieu', 'trieuvnd', '1000000d', '1000000dong'].map(
    (u) => [u, 1000000] as const,
  ),
]);

/** `Đơn vị tính:`, `ĐVT:`, `Đơn vị:` before a unit (inside the parentheses or after the header). */
const UNIT_LABEL = /^(?:donvitinh|dvt|donvi)[:]?/;

function unitScale(raw: string): MoneyScale | undefined {
  const compact = stripDiacritics(raw.toLowerCase()).replace(/[\s.,]/g, '').replace(UNIT_LABEL, '');
  return UNITS.get(compact);
}

/**
 * The money unit a header names, or undefined: a unit in parentheses (`(triệu đồng)`), or after
 * `ĐVT:` / `Đơn vị tính:`. TCVN3/VNI headers are read after conversion.
 *
 * @example
 * findMoneyUnit('Kinh phí công đoàn đã thu (triệu đồng)') // { scale: 1000000, text: '(triệu đồng)' }
 * findMoneyUnit('KPCĐ đã thu (1.000đ)')                  // { scale: 1000, text: '(1.000đ)' }
 * findMoneyUnit('Kinh phí đã thu, ĐVT: đồng')             // { scale: 1, text: 'ĐVT: đồng' }
 * findMoneyUnit('Số đoàn viên (người)')                   // undefined
 */
export function findMoneyUnit(header: string): MoneyUnit | undefined {
  for (const text of headerReadings(header)) {
    for (const m of text.matchAll(/\(([^()]*)\)/g)) {
      const scale = unitScale(m[1]);
      if (scale) return { scale, text: m[0] };
    }
    const labelled = /(?:đơn vị tính|đvt|don vi tinh|dvt)\s*:\s*([^()]+)$/i.exec(text);
    if (labelled) {
      const scale = unitScale(labelled[1]);
      if (scale) return { scale, text: labelled[0].trim() };
    }
  }
  return undefined;
}
