/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { configure, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import type { FileReport } from '../../domain/merge';
import type { Problem } from '../../domain/problem';
import { IntakePanel } from './IntakePanel';
import type { IntakePanelProps } from './IntakePanel';
import { IntakeReport } from './IntakeReport';
import { PaneShell } from './PaneShell';

configure({ asyncUtilTimeout: 10_000 });

const file = (name: string) => new File([new Uint8Array([1, 2, 3])], name);

/** The panel with its chosen files kept as App keeps them. */
function Panel(props: Partial<IntakePanelProps> & { onImport: () => void; onPicked?: (names: string[]) => void }) {
  const [files, setFiles] = useState<readonly File[]>([]);
  return (
    <IntakePanel
      targetLabel="bd-cdvc-2024 — 06/CTr-CĐVC"
      files={files}
      onFiles={(f) => {
        setFiles(f);
        props.onPicked?.(f.map((x) => x.name));
      }}
      task={{}}
      {...props}
    />
  );
}

describe('IntakePanel', () => {
  afterEach(() => jest.restoreAllMocks());

  it('the drop zone opens the file dialog from the keyboard (Enter, Space) and by click', async () => {
    const user = userEvent.setup();
    const click = jest.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(() => undefined);
    render(
      <PaneShell>
        <Panel onImport={jest.fn()} />
      </PaneShell>,
    );
    const zone = screen.getByRole('button', { name: 'Kéo thả các tệp báo cáo .xlsx vào đây, hoặc bấm để chọn tệp' });
    expect(zone).toHaveAccessibleDescription('Tệp chỉ được đọc trên máy này, không gửi đi đâu.');
    // Reached with Tab: the first control after the language switch.
    await user.tab();
    await user.tab();
    expect(zone).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(click).toHaveBeenCalledTimes(1);
    await user.keyboard(' ');
    expect(click).toHaveBeenCalledTimes(2);
    await user.click(zone);
    expect(click).toHaveBeenCalledTimes(3);
    // The dialog is the hidden input's: multiple .xlsx files, labelled.
    const input = click.mock.contexts[0] as HTMLInputElement;
    expect(input).toBe(screen.getByLabelText('Chọn các tệp báo cáo .xlsx'));
    expect(input).toHaveAttribute('type', 'file');
    expect(input.multiple).toBe(true);
    expect(input.accept).toMatch(/^\.xlsx,/);
  });

  it('busy: the zone keeps its focus but opens nothing and takes no drop', async () => {
    const user = userEvent.setup();
    const click = jest.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(() => undefined);
    const onPicked = jest.fn();
    render(
      <PaneShell>
        <Panel onImport={jest.fn()} onPicked={onPicked} disabled />
      </PaneShell>,
    );
    const zone = screen.getByRole('button', { name: /^Kéo thả/ });
    expect(zone).toHaveAttribute('aria-disabled', 'true');
    zone.focus();
    await user.keyboard('{Enter}');
    fireEvent.drop(zone, { dataTransfer: { files: [file('a.xlsx')], types: ['Files'] } });
    expect(click).not.toHaveBeenCalled();
    expect(onPicked).not.toHaveBeenCalled();
  });

  it('chosen or dropped files are listed in name order; the button imports them', async () => {
    const user = userEvent.setup();
    const onImport = jest.fn();
    const onPicked = jest.fn();
    render(
      <PaneShell>
        <Panel onImport={onImport} onPicked={onPicked} />
      </PaneShell>,
    );
    expect(screen.getByText('Bộ chỉ tiêu: bd-cdvc-2024 — 06/CTr-CĐVC')).toBeInTheDocument();
    const run = screen.getByRole('button', { name: 'Nhập vào bảng tổng hợp' });
    expect(run).toBeDisabled();
    expect(run).toHaveAccessibleDescription(/ghi lại toàn bộ/);

    await user.upload(screen.getByLabelText('Chọn các tệp báo cáo .xlsx'), [file('cd-10.xlsx'), file('cd-9.xlsx'), file('cd-9-sua.xlsx')]);
    expect(onPicked).toHaveBeenLastCalledWith(['cd-9.xlsx', 'cd-9-sua.xlsx', 'cd-10.xlsx']);
    expect(screen.getByText('3 tệp, nhập theo thứ tự tên:')).toBeInTheDocument();
    const items = within(screen.getByRole('list')).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual(['cd-9.xlsx', 'cd-9-sua.xlsx', 'cd-10.xlsx']);

    const zone = screen.getByRole('button', { name: /^Kéo thả/ });
    fireEvent.dragOver(zone, { dataTransfer: { types: ['Files'], dropEffect: 'none' } });
    expect(zone).toHaveTextContent('Thả tệp để chọn');
    fireEvent.drop(zone, { dataTransfer: { files: Array.from({ length: 7 }, (_, i) => file(`b${7 - i}.xlsx`)), types: ['Files'] } });
    expect(onPicked).toHaveBeenLastCalledWith(['b1.xlsx', 'b2.xlsx', 'b3.xlsx', 'b4.xlsx', 'b5.xlsx', 'b6.xlsx', 'b7.xlsx']);
    expect(zone).toHaveTextContent(/^Kéo thả/);
    expect(screen.getByText('… và 2 tệp nữa')).toBeInTheDocument();

    await user.click(run);
    expect(onImport).toHaveBeenCalledTimes(1);
  });

  it('shows the question before master columns are lost, and the progress', async () => {
    const user = userEvent.setup();
    const onProceed = jest.fn();
    render(
      <PaneShell>
        <Panel
          onImport={jest.fn()}
          task={{ busy: 'Đang đọc tệp 3/20…' }}
          confirm={{ lost: { columns: ['Ghi chú'], totalsRows: 1 }, onProceed, onCancel: jest.fn() }}
        />
      </PaneShell>,
    );
    expect(screen.getByRole('status')).toHaveTextContent('Đang đọc tệp 3/20…');
    expect(screen.getByText(/những phần sau của sheet sẽ mất: cột "Ghi chú"; 1 dòng tổng cộng\./)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Vẫn nhập' }));
    expect(onProceed).toHaveBeenCalled();
  });
});

const problem = (cell: string, severity: Problem['severity'], message: string): Problem & { file: string } => ({
  rule: 'invalid_choice',
  severity,
  sheet: 'Báo cáo',
  cell,
  row: Number(cell.slice(1)),
  col: 12,
  unit: { code: 'CD04', name: 'CĐCS Sở D' },
  message,
  file: 'r2.xlsx',
});

const REPORTS: FileReport[] = [
  { file: 'r1.xlsx', status: 'replaced', units: 0, unitsInFile: 1, reason: '1 đơn vị được thay bằng số liệu trong tệp "r3.xlsx" (nhận sau).', problems: [] },
  {
    file: 'r2.xlsx',
    status: 'accepted',
    units: 2,
    unitsInFile: 2,
    problems: [problem('M4', 'error', 'Ô M4: "Tốt lắm" không phải một xếp loại.'), problem('M5', 'warning', 'Ô M5: xếp loại viết tắt.')],
  },
  { file: 'r1-gui-lai.xlsx', status: 'duplicate', units: 0, unitsInFile: 1, reason: 'Nội dung giống hệt tệp "r1.xlsx" đã nhập; không nhập lại.', problems: [] },
  { file: 'bao-cao.xlsm', status: 'rejected', units: 0, unitsInFile: 0, reason: 'Tệp .xlsm có thể chứa macro nên không được mở.', problems: [] },
];

describe('IntakeReport', () => {
  it('lists each file with its status, units, reason, and its problems at cells of that file (folded)', async () => {
    const user = userEvent.setup();
    render(
      <PaneShell>
        <IntakeReport files={REPORTS} previous={{ file: 'Dữ liệu CĐCS', status: 'accepted', units: 3, unitsInFile: 4, reason: '1 đơn vị được thay…', problems: [] }} />
      </PaneShell>,
    );
    const region = screen.getByRole('region', { name: 'Kết quả nhập từng tệp' });
    expect(within(region).getByText('Bảng tổng hợp trước khi nhập: 1 đơn vị được thay…')).toBeInTheDocument();
    const items = within(within(region).getByRole('list', { name: 'Kết quả nhập từng tệp' })).getAllByRole('listitem');
    expect(items).toHaveLength(4);
    const [r1, r2, dup, xlsm] = items;
    expect(within(r1).getByText('Bị thay thế')).toBeInTheDocument();
    expect(r1).toHaveTextContent('0/1 đơn vị được đưa vào bảng tổng hợp');
    expect(r1).toHaveTextContent('"r3.xlsx"');
    expect(within(dup).getByText('Trùng lặp')).toBeInTheDocument();
    expect(within(xlsm).getByText('Không dùng được')).toBeInTheDocument();
    expect(xlsm).toHaveTextContent('macro');
    expect(xlsm).not.toHaveTextContent('đơn vị được đưa vào');

    expect(within(r2).getByText('Đã nhập')).toBeInTheDocument();
    expect(r2).toHaveTextContent('2/2 đơn vị');
    const toggle = within(r2).getByRole('button', { name: '1 lỗi, 1 cảnh báo trong tệp' });
    expect(within(r2).queryByText(/^Ô M4/)).toBeNull();
    await user.click(toggle);
    expect(within(r2).getByText('Địa chỉ ô trong tệp gốc, sheet "Báo cáo":')).toBeInTheDocument();
    expect(within(r2).getByText('Ô M4: "Tốt lắm" không phải một xếp loại.')).toBeInTheDocument();
    expect(within(r2).getByText('Ô M5: xếp loại viết tắt.')).toBeInTheDocument();
    // Plain text: the file is not open, there is no cell to select.
    expect(within(r2).getAllByRole('button')).toEqual([toggle]);
  });
});
