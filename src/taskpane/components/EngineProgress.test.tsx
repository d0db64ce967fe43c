/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { configure, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TextDecoder, TextEncoder } from 'node:util';
import BrowserApp from '../BrowserApp';
import type { Engine } from '../useEngine';
import { EngineCancelled } from '../worker/client';
import type { EngineProgress as Progress } from '../worker/protocol';
import { EngineProgress } from './EngineProgress';
import { PaneShell } from './PaneShell';

Object.assign(globalThis, { TextDecoder, TextEncoder });
configure({ asyncUtilTimeout: 10_000 });

describe('EngineProgress', () => {
  it('shows the rows read and checked under a moving bar, and Hủy cancels', async () => {
    const user = userEvent.setup();
    const onCancel = jest.fn();
    const { rerender } = render(
      <PaneShell>
        <EngineProgress progress={{ stage: 'check', rowsRead: 100_000 }} onCancel={onCancel} />
      </PaneShell>,
    );
    expect(screen.getByText('Đã đọc 100.000 dòng · đang kiểm tra…')).toBeInTheDocument();
    // The check stage stands at 30 % of the bar.
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '0.3');
    rerender(
      <PaneShell>
        <EngineProgress progress={{ stage: 'receive', rowsChecked: 100_000, done: 25, total: 50 }} onCancel={onCancel} />
      </PaneShell>,
    );
    expect(screen.getByText('Đã kiểm tra 100.000 dòng · đang nhận kết quả (25/50)…')).toBeInTheDocument();
    // Receiving: 70 % + 30 % × 25/50 = 85 %.
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '0.85');
    await user.click(screen.getByRole('button', { name: 'Hủy lần kiểm tra đang chạy' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
  });

  it('counts the send-out\'s returns made across the whole bar', () => {
    render(
      <PaneShell>
        <EngineProgress progress={{ stage: 'build', done: 500, total: 2000 }} onCancel={jest.fn()} />
      </PaneShell>,
    );
    expect(screen.getByText('Đã tạo 500/2.000 tệp mẫu…')).toBeInTheDocument();
    // 500 of 2,000 workbooks: a quarter of the bar.
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '0.25');
  });

  it('renders nothing when the engine is idle', () => {
    const { container } = render(<EngineProgress progress={undefined} onCancel={() => undefined} />);
    expect(container).toBeEmptyDOMElement();
  });
});

describe('BrowserApp with the engine busy', () => {
  it('shows the progress while the worker checks, and Hủy leaves nothing to download', async () => {
    const user = userEvent.setup();
    let reject: (e: unknown) => void = () => undefined;
    const jobs: string[] = [];
    const progress: Progress = { stage: 'check', rowsRead: 4 };
    const engine: Engine = {
      progress,
      cancel: jest.fn(() => reject(new EngineCancelled())),
      run: (async (job: { type: string }) => {
        jobs.push(job.type);
        if (job.type === 'open') return { ok: true, sheetNames: ['Số liệu'] };
        return new Promise((_, r) => (reject = r));
      }) as Engine['run'],
    };
    render(
      <PaneShell>
        <BrowserApp engine={engine} />
      </PaneShell>,
    );
    const file = new File([new Uint8Array([80, 75, 3, 4])], 'so-lieu.xlsx');
    // jsdom's File has no arrayBuffer(); every browser has.
    Object.defineProperty(file, 'arrayBuffer', { value: async () => new Uint8Array([80, 75, 3, 4]).buffer });
    await user.upload(screen.getByLabelText('Chọn tệp .xlsx'), file);
    await screen.findByText('Tệp đang dùng: so-lieu.xlsx');
    await user.click(screen.getByRole('button', { name: 'Kiểm tra và tính chỉ tiêu' }));
    await screen.findByText('Đã đọc 4 dòng · đang kiểm tra…');
    await user.click(screen.getByRole('button', { name: 'Hủy lần kiểm tra đang chạy' }));
    await screen.findByText('Đã hủy. Tệp đã chọn không thay đổi và chưa có kết quả để tải xuống.');
    expect(jobs).toEqual(['open', 'checkFile']);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Tải xuống kết quả' })).toBeDisabled());
  });
});
