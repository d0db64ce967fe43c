/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { configure, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { checkSheet } from '../../domain/check';
import { findPreset } from '../../domain/presets';
import type { Problem } from '../../domain/problem';
import { fixtureGrid } from '../paneFixture';
import { groupProblems } from '../problemGroups';
import { PaneShell } from './PaneShell';
import { ProblemList } from './ProblemList';

configure({ asyncUtilTimeout: 10_000 });

function problems(): readonly Problem[] {
  // The fixture plus a column no catalog entry knows (N): a warning for the whole table.
  const grid = fixtureGrid();
  const rows = grid.rows.map((r, i) => [...r, i === 0 ? 'Cột tự thêm' : null]);
  const out = checkSheet({ ...grid, rows }, { targetSet: findPreset('bd-cdvc-2024')!, today: new Date(2026, 10, 21) });
  if (!out.ok) throw new Error(out.error.message);
  return out.value.problems;
}

describe('groupProblems', () => {
  it('groups by unit in table order, whole-table problems first, with counts', () => {
    const groups = groupProblems(problems(), 'unit');
    expect(groups.map((g) => [g.unit?.code ?? '-', g.errors, g.warnings])).toEqual([
      ['-', 0, 1], // unknown_column N1
      ['CD03', 1, 0], // invalid_choice "Tốt lắm"
    ]);
  });

  it('groups by rule, errors first', () => {
    expect(groupProblems(problems(), 'rule').map((g) => [g.rule, g.problems.length])).toEqual([
      ['invalid_choice', 1],
      ['unknown_column', 1],
    ]);
  });
});

describe('ProblemList', () => {
  it('shows the counts, toggles the grouping, and a click selects the cell', async () => {
    const user = userEvent.setup();
    const onSelectCell = jest.fn();
    render(
      <PaneShell>
        <ProblemList problems={problems()} onSelectCell={onSelectCell} />
      </PaneShell>,
    );
    const region = screen.getByRole('region', { name: 'Lỗi và cảnh báo' });
    expect(within(region).getByText('1 lỗi, 1 cảnh báo')).toBeInTheDocument();
    // Grouped by unit: the whole-table group, then CĐCS Bệnh viện C.
    expect(within(region).getByRole('button', { name: /Cả bảng \(không thuộc đơn vị nào\)\s*1 cảnh báo/ })).toBeInTheDocument();
    expect(within(region).getByRole('button', { name: /CĐCS Bệnh viện C \(CD03\)\s*1 lỗi$/ })).toBeInTheDocument();

    await user.click(within(region).getByRole('radio', { name: 'Loại lỗi' }));
    expect(within(region).getByRole('button', { name: /^Giá trị không hợp lệ/ })).toBeInTheDocument();
    expect(within(region).getByRole('button', { name: /^Cột không nhận ra/ })).toBeInTheDocument();

    await user.click(within(region).getByRole('button', { name: /Ô M4: "Tốt lắm"/ }));
    expect(onSelectCell).toHaveBeenCalledWith('Số liệu', 'M4');
  });

  it('is plain text without onSelectCell, and says when there is nothing wrong', () => {
    const { rerender } = render(
      <PaneShell>
        <ProblemList problems={problems()} showFixHints />
      </PaneShell>,
    );
    expect(screen.queryByRole('button', { name: /Ô M4/ })).toBeNull();
    expect(screen.getByText(/Ô M4: "Tốt lắm"/)).toBeInTheDocument();
    rerender(
      <PaneShell>
        <ProblemList problems={[]} />
      </PaneShell>,
    );
    expect(screen.getByText('Không có lỗi nào: số liệu dùng được để tính chỉ tiêu.')).toBeInTheDocument();
  });
});
