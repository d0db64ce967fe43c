/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../App';
import { memoryPort } from '../memoryPort';
import { PaneShell } from './PaneShell';
import { ResultNotes } from './ResultNotes';
import { TextDecoder, TextEncoder } from 'node:util';

// jsdom lacks the encoders every browser has; the pane's engine (in-process here, as jsdom has no
// Worker) needs them when it loads.
Object.assign(globalThis, { TextDecoder, TextEncoder });

configure({ asyncUtilTimeout: 10_000 });

const TODAY = new Date(2026, 10, 21);

/**
 * A cdgd-ct1-2024 table (its 8 needed columns, spec/indicators.md) without a Năm column, on a
 * sheet whose name carries no year. Checked with bd-cdvc-2024 (the pane's first set) it has
 * ma_don_vi, ten_don_vi, khu_vuc, xep_loai of 12 columns: 8 missing; cdgd-ct1-2024 fits 8/8.
 */
const cdgdGrid = () => ({
  name: 'Số liệu',
  rows: [
    ['Mã đơn vị', 'Tên đơn vị', 'Khu vực', 'Số cán bộ CĐCS', 'Số cán bộ CĐCS được tập huấn', 'Thực hiện quy hoạch cán bộ công đoàn', 'BCH đánh giá ủy viên trong năm', 'Xếp loại'],
    ['CD01', 'CĐCS 1', 'Nhà nước', 5, 5, 'Có', 'Có', 'HTT'],
  ],
});

describe('ResultNotes', () => {
  it('shows the hint with a button for the best set, then the year note', async () => {
    const user = userEvent.setup();
    const used: string[] = [];
    render(
      <PaneShell>
        <ResultNotes
          hint={{
            setId: 'bd-cdvc-2024',
            missing: 9,
            needed: 12,
            best: { id: 'bt-ldld-2024', present: 18, needed: 19 },
            message: 'Bảng thiếu 9/12 cột của bộ bd-cdvc-2024. Bảng này khớp nhất với bộ bt-ldld-2024 (18/19 cột).',
          }}
          yearNote="Không thấy năm báo cáo."
          onUseSet={(id) => used.push(id)}
        />
      </PaneShell>,
    );
    const notes = screen.getAllByRole('status');
    expect(notes[0]).toHaveTextContent('Bảng thiếu 9/12 cột của bộ bd-cdvc-2024. Bảng này khớp nhất với bộ bt-ldld-2024 (18/19 cột).');
    expect(notes[1]).toHaveTextContent('Không thấy năm báo cáo.');
    await user.click(within(notes[0]).getByRole('button', { name: 'Dùng bộ bt-ldld-2024' }));
    expect(used).toEqual(['bt-ldld-2024']);
  });

  it('shows each notice of the check (results under a free name, hidden rows) after the warnings', () => {
    render(
      <PaneShell>
        <ResultNotes
          notices={[
            'Tệp đã có sheet "Tổng hợp" của người dùng: sheet này được giữ nguyên, kết quả ghi vào sheet "Tổng hợp (2)".',
            'Có 2 dòng đơn vị đang bị ẩn (hoặc bị lọc) trong sheet "Dữ liệu": các dòng này vẫn được kiểm tra và tính như mọi dòng khác.',
          ]}
          onUseSet={() => undefined}
        />
      </PaneShell>,
    );
    const notes = screen.getAllByRole('status');
    expect(notes).toHaveLength(2);
    expect(notes[0]).toHaveTextContent('kết quả ghi vào sheet "Tổng hợp (2)"');
    expect(notes[1]).toHaveTextContent('Có 2 dòng đơn vị đang bị ẩn');
  });

  it('no button when no built-in set fits better; nothing at all without notes', () => {
    const { container } = render(
      <PaneShell>
        <ResultNotes onUseSet={() => undefined} />
      </PaneShell>,
    );
    expect(container.querySelector('[role="status"]')).toBeNull();
    render(
      <PaneShell>
        <ResultNotes hint={{ setId: 'x', missing: 7, needed: 8, message: 'Bảng thiếu 7/8 cột của bộ x.' }} onUseSet={() => undefined} />
      </PaneShell>,
    );
    const note = screen.getByRole('status');
    expect(note).toHaveTextContent('Bảng thiếu 7/8 cột của bộ x.');
    expect(within(note).queryByRole('button')).toBeNull();
  });
});

describe('the pane on a table that fits another set', () => {
  it('warns, switches to the best set with one click, and checks again; the year field sets the year', async () => {
    const port = memoryPort([cdgdGrid()]);
    const user = userEvent.setup();
    render(
      <PaneShell>
        <App port={port} describeError={String} today={() => TODAY} fileName="Tong hop.xlsx" />
      </PaneShell>,
    );
    await waitFor(() => expect(screen.getByRole('button', { name: 'Kiểm tra dữ liệu' })).not.toHaveAttribute('aria-disabled', 'true'));

    await user.click(screen.getByRole('button', { name: 'Kiểm tra dữ liệu' }));
    const hint = await screen.findByText(/^Bảng thiếu 8\/12 cột của bộ bd-cdvc-2024\. Bảng này khớp nhất với bộ cdgd-ct1-2024 \(8\/8 cột\)\.$/);
    // No Năm column, no title, and neither "Số liệu" nor "Tong hop.xlsx" names a year: guessed, with the way to set it.
    expect(screen.getByText(/^Không thấy năm báo cáo/)).toHaveTextContent('ô "Năm báo cáo"');
    expect(screen.getByText('Năm 2026 · sheet "Số liệu" · 1 đơn vị')).toBeInTheDocument();

    await user.click(within(hint.closest('[role="status"]') as HTMLElement).getByRole('button', { name: 'Dùng bộ cdgd-ct1-2024' }));
    await waitFor(() => expect(screen.queryByText(/^Bảng thiếu/)).toBeNull());
    expect(screen.getByRole('combobox', { name: /Bộ chỉ tiêu/ })).toHaveTextContent('cdgd-ct1-2024');

    // A year typed in the field is the run's year, and the guess warning goes away.
    await user.type(screen.getByRole('textbox', { name: /Năm báo cáo/ }), '2024');
    await user.click(screen.getByRole('button', { name: 'Kiểm tra dữ liệu' }));
    expect(await screen.findByText('Năm 2024 · sheet "Số liệu" · 1 đơn vị')).toBeInTheDocument();
    expect(screen.queryByText(/^Không thấy năm báo cáo/)).toBeNull();

    // A text that is not a year is refused with a sentence.
    await user.clear(screen.getByRole('textbox', { name: /Năm báo cáo/ }));
    await user.type(screen.getByRole('textbox', { name: /Năm báo cáo/ }), '24');
    await user.click(screen.getByRole('button', { name: 'Kiểm tra dữ liệu' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('"24" không phải là năm');
  });
});
