/**
 * The `Kiểm tra` sheet: every problem, its cell as a hyperlink to the data, the unit, column,
 * rule and the Vietnamese message.
 */
import { columnDef } from '../../domain/catalog';
import { formatNumber } from '../../domain/format';
import { lazyList } from '../../domain/lazyList';
import { RULE_LABEL } from '../../domain/problem';
import type { CheckResult } from '../../domain/result';
import type { CellSpec, SheetSpec } from '../plan';
import { rowHeightFor } from './rowHeight';
import { PAGE_FOOTER } from './summarySheet';

export const PROBLEMS_SHEET_NAME = 'Kiểm tra';

/** Excel keeps at most 65,530 hyperlinks per sheet; beyond that cells hold the address as text. */
const MAX_LINKS = 65000;

/**
 * @example
 * renderProblemsSheet(result).rows.length // 3 + number of problems (title, blank, header)
 */
export function renderProblemsSheet(result: CheckResult, name: string = PROBLEMS_SHEET_NAME): SheetSpec {
  const errors = result.problems.filter((p) => p.severity === 'error').length;
  const warnings = result.problems.length - errors;
  const head: (CellSpec | null)[][] = [
    [
      {
        v: `KẾT QUẢ KIỂM TRA SỐ LIỆU — sheet "${result.sheet}", năm ${result.year}: ${formatNumber(errors)} lỗi, ${formatNumber(warnings)} cảnh báo`,
        s: 'section',
      },
    ],
    [{ v: 'Bấm vào địa chỉ ô để đến ô đó. Lỗi làm số liệu của ô bị bỏ qua khi tính; cảnh báo thì không.', s: 'note' }],
    ['STT', 'Ô', 'Mã đơn vị', 'Tên đơn vị', 'Cột', 'Quy tắc', 'Mức độ', 'Nội dung'].map((h) => ({ v: h, s: 'table_header' as const })),
  ];
  const widths = [6, 8, 12, 28, 24, 20, 10, 70];
  const heights: Record<number, number> = { 3: 30 };
  const problems = result.problems;
  const texts: (string | undefined)[] = new Array(widths.length).fill(undefined);
  problems.forEach((p, i) => {
    texts[3] = p.unit?.name;
    texts[4] = p.column ? columnDef(p.column)?.header : undefined;
    texts[7] = p.message;
    heights[head.length + i + 1] = rowHeightFor(texts, widths);
  });
  // One row per problem, made when an adapter reads it (see lazyList): a table can have 200,000.
  const problemRow = (i: number): (CellSpec | null)[] => {
    const p = problems[i];
    const def = p.column ? columnDef(p.column) : undefined;
    return [
      { v: i + 1, s: 'cell_center' },
      i < MAX_LINKS ? { v: p.cell, s: 'link', link: { sheet: p.sheet, cell: p.cell } } : { v: p.cell, s: 'cell_center' },
      { v: p.unit?.code ?? '', s: 'cell' },
      { v: p.unit?.name ?? '', s: 'cell' },
      { v: def ? def.header : (p.column ?? ''), s: 'cell' },
      { v: RULE_LABEL[p.rule], s: 'cell' },
      p.severity === 'error' ? { v: 'Lỗi', s: 'severity_error' } : { v: 'Cảnh báo', s: 'severity_warning' },
      { v: p.message, s: 'cell' },
    ];
  };
  const rows =
    problems.length === 0 ? [...head, [null, { v: 'Không phát hiện lỗi nào.', s: 'note' } as CellSpec]] : lazyList(head, problems.length, problemRow);
  return {
    name,
    kind: 'problems',
    rows,
    colWidths: widths,
    rowHeights: heights,
    merges: ['A1:H1', 'A2:H2'],
    freeze: { rows: 3, cols: 0 },
    page: { landscape: true, fitToWidth: true, printTitleRows: [3, 3], footer: PAGE_FOOTER },
  };
}
