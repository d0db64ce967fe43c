/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { configure, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { HistoryPanel } from './HistoryPanel';
import { PaneShell } from './PaneShell';

configure({ asyncUtilTimeout: 10_000 });

/** The panel with its ticks kept as the pane keeps them. */
function Panel({ sheets, onRun, seen }: { sheets: string[]; onRun: () => void; seen: string[][] }) {
  const [chosen, setChosen] = useState<string[]>([]);
  return (
    <HistoryPanel
      sheets={sheets}
      chosen={chosen}
      onChange={(c) => {
        seen.push(c);
        setChosen(c);
      }}
      onRun={onRun}
      task={{}}
    />
  );
}

describe('HistoryPanel', () => {
  it('a checkbox per sheet; the ticked sheets stay in workbook order; the button runs', async () => {
    const user = userEvent.setup();
    const onRun = jest.fn();
    const seen: string[][] = [];
    render(
      <PaneShell>
        <Panel sheets={['Năm 2022', 'Năm 2023', 'Năm 2024']} onRun={onRun} seen={seen} />
      </PaneShell>,
    );
    const region = screen.getByRole('region', { name: 'Tiến độ qua các năm' });
    const group = within(region).getByRole('group', { name: 'Sheet số liệu các năm trước' });
    await user.click(within(group).getByRole('checkbox', { name: 'Năm 2024' }));
    await user.click(within(group).getByRole('checkbox', { name: 'Năm 2022' }));
    await user.click(within(group).getByRole('checkbox', { name: 'Năm 2023' }));
    await user.click(within(group).getByRole('checkbox', { name: 'Năm 2024' }));
    // Ticked 2024, 2022, 2023 then unticked 2024: always listed as the workbook orders them.
    expect(seen).toEqual([['Năm 2024'], ['Năm 2022', 'Năm 2024'], ['Năm 2022', 'Năm 2023', 'Năm 2024'], ['Năm 2022', 'Năm 2023']]);
    expect(within(group).getByRole('checkbox', { name: 'Năm 2022' })).toBeChecked();
    await user.click(within(region).getByRole('button', { name: 'Tạo sheet Tiến độ' }));
    expect(onRun).toHaveBeenCalledTimes(1);
  });

  it('without other sheets, says how to add the earlier years and offers no button to press', () => {
    render(
      <PaneShell>
        <Panel sheets={[]} onRun={jest.fn()} seen={[]} />
      </PaneShell>,
    );
    const region = screen.getByRole('region', { name: 'Tiến độ qua các năm' });
    expect(within(region).getByText(/^Tệp chưa có sheet số liệu nào khác/)).toBeInTheDocument();
    expect(within(region).getByRole('button', { name: 'Tạo sheet Tiến độ' })).toBeDisabled();
  });
});
