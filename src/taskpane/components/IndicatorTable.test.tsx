/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { render, screen, within } from '@testing-library/react';
import type { IndicatorResult } from '../../domain/result';
import { percent, whole } from '../../domain/rational';
import { IndicatorTable } from './IndicatorTable';
import { PaneShell } from './PaneShell';

const base = { description: undefined, perUnit: false, failingUnits: [], inScope: 50 } as const;
const indicators: IndicatorResult[] = [
  { ...base, id: 'a', label: 'Đoàn viên / CBCCVCLĐ', kind: 'ratio', target: { comparator: '>=', value: percent(100) }, actual: 0.9, numerator: 45, denominator: 50, status: 'CHUA_DAT', reported: 50 },
  { ...base, id: 'b', label: 'CĐCS có kế hoạch', kind: 'unit_share', target: { comparator: '>=', value: percent(95) }, actual: 1, numerator: 48, denominator: 48, status: 'DAT', reported: 48 },
  { ...base, id: 'c', label: 'Số CĐCS KHT', kind: 'unit_count', target: { comparator: '<=', value: whole(0) }, status: 'THIEU_DU_LIEU', reported: 0 },
  { ...base, id: 'd', label: 'Ngoài nhà nước', kind: 'ratio', target: { comparator: '>=', value: percent(50) }, status: 'KHONG_AP_DUNG', inScope: 0, reported: 0 },
];

describe('IndicatorTable', () => {
  it('shows each indicator with its status badge, result, target and units with data', () => {
    render(
      <PaneShell>
        <IndicatorTable indicators={indicators} />
      </PaneShell>,
    );
    const table = screen.getByRole('table', { name: 'Kết quả chỉ tiêu' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.getAttribute('data-indicator'))).toEqual(['a', 'b', 'c', 'd']);
    expect(rows.map((r) => r.querySelector('[data-status]')?.textContent)).toEqual(['Chưa đạt', 'Đạt', 'Thiếu dữ liệu', 'Không áp dụng']);
    expect(within(rows[0]).getByText('90% (45/50)')).toBeInTheDocument();
    expect(within(rows[0]).getByText('≥ 100%')).toBeInTheDocument();
    expect(within(rows[1]).getByText('48/50')).toBeInTheDocument();
    expect(within(rows[2]).getByText('—')).toBeInTheDocument();
    // The summary counts each status once.
    const summary = screen.getByRole('list', { name: 'Tóm tắt trạng thái' });
    expect(within(summary).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['1 Đạt', '1 Chưa đạt', '1 Thiếu dữ liệu', '1 Không áp dụng']);
  });
});
