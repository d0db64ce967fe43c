/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { configure, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CyclePanel } from './CyclePanel';
import type { CyclePanelProps } from './CyclePanel';
import { PaneShell } from './PaneShell';

configure({ asyncUtilTimeout: 10_000 });

function show(props: Partial<CyclePanelProps> = {}) {
  const onMakeRegister = jest.fn();
  const onSendOut = jest.fn();
  render(
    <PaneShell>
      <CyclePanel register={{ kind: 'none' }} year={2026} onMakeRegister={onMakeRegister} onSendOut={onSendOut} task={{}} {...props} />
    </PaneShell>,
  );
  return { region: screen.getByRole('region', { name: 'Chu kỳ báo cáo' }), onMakeRegister, onSendOut };
}

describe('CyclePanel', () => {
  it('says where the units come from and runs the two actions', async () => {
    const user = userEvent.setup();
    const { region, onMakeRegister, onSendOut } = show({ register: { kind: 'sheet', sheet: 'Danh bạ CĐCS', units: 42 } });
    expect(within(region).getByText('Danh bạ: sheet "Danh bạ CĐCS", 42 đơn vị.')).toBeInTheDocument();
    await user.click(within(region).getByRole('button', { name: 'Tạo danh bạ CĐCS' }));
    const send = within(region).getByRole('button', { name: 'Tạo mẫu gửi CĐCS' });
    // The year in the hint is the year the returns are for.
    expect(send).toHaveAccessibleDescription(/bao-cao-<mã đơn vị>-2026\.xlsx/);
    await user.click(send);
    expect(onMakeRegister).toHaveBeenCalledTimes(1);
    expect(onSendOut).toHaveBeenCalledTimes(1);
  });

  it('without a register sheet, says the data table stands in', () => {
    const { region } = show();
    expect(within(region).getByText('Tệp chưa có sheet "Danh bạ CĐCS": mẫu gửi sẽ lấy các đơn vị trong bảng số liệu.')).toBeInTheDocument();
  });

  it('an unreadable register sheet says why, in the reader\'s words', () => {
    const { region } = show({ register: { kind: 'unreadable', sheet: 'Danh bạ CĐCS', reason: 'không có dòng tiêu đề.' } });
    expect(within(region).getByText('Sheet "Danh bạ CĐCS" chưa đọc được: không có dòng tiêu đề.')).toBeInTheDocument();
  });

  it('offers the .zip once made', async () => {
    const user = userEvent.setup();
    const onSave = jest.fn();
    const { region } = show({ zip: { name: 'mau-gui-cdcs-2026.zip', onSave }, task: { notice: 'Đã tạo 3 tệp mẫu trong mau-gui-cdcs-2026.zip.' } });
    await user.click(within(region).getByRole('button', { name: 'Tải xuống mau-gui-cdcs-2026.zip' }));
    expect(onSave).toHaveBeenCalledTimes(1);
  });

  it('where the host cannot download, shows the exact command and the folder it writes', () => {
    const text = 'npx chitieu send-out --register "Tong hop.xlsx" --preset bd-cdvc-2024 --year 2026 --out mau-gui-cdcs-2026';
    const { region } = show({ command: { text, dir: 'mau-gui-cdcs-2026', sheetSet: true } });
    expect(within(region).getByLabelText('Lệnh tạo mẫu gửi CĐCS')).toHaveTextContent(text);
    expect(within(region).getByText('Mỗi đơn vị một tệp trong thư mục mau-gui-cdcs-2026.')).toBeInTheDocument();
    expect(within(region).getByText(/^Dòng lệnh chỉ dùng bộ chỉ tiêu có sẵn/)).toBeInTheDocument();
    expect(within(region).queryByRole('button', { name: /^Tải xuống/ })).toBeNull();
  });

  it('while busy the buttons keep their focus but refuse clicks; errors are announced', async () => {
    const user = userEvent.setup();
    const { region, onSendOut } = show({ disabled: true, task: { busy: 'Đang tạo các tệp mẫu gửi CĐCS…' } });
    const send = within(region).getByRole('button', { name: 'Tạo mẫu gửi CĐCS' });
    expect(send).toHaveAttribute('aria-disabled', 'true');
    await user.click(send);
    expect(onSendOut).not.toHaveBeenCalled();
    expect(within(region).getByText('Đang tạo các tệp mẫu gửi CĐCS…')).toBeInTheDocument();
  });
});
