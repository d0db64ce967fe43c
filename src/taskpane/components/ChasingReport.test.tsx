/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { configure, render, screen, within } from '@testing-library/react';
import type { RegisterUnit } from '../../domain/cycle/registerUnit';
import { ChasingReport, contactLine, LISTED_MISSING } from './ChasingReport';
import type { ChasingView } from './ChasingReport';
import { PaneShell } from './PaneShell';

configure({ asyncUtilTimeout: 10_000 });

const unit = (code: string, name: string, contact: RegisterUnit['contact'] = {}, row = 2): RegisterUnit => ({ code, name, contact, row });

function show(view: ChasingView) {
  render(
    <PaneShell>
      <ChasingReport view={view} />
    </PaneShell>,
  );
  return screen.getByRole('region', { name: 'Theo dõi nộp báo cáo' });
}

describe('ChasingReport', () => {
  it('says how many returns came in and lists the missing units in Vietnamese order with whom to call', () => {
    // 42 expected, 37 received: 5 missing, given out of order.
    const missing = [
      unit('CD05', 'Ưu Việt', { person: 'Trần Thị Ưng', phone: '0912 345 678' }),
      unit('CD04', 'Uyên Phương', { email: 'uyen@example.vn' }),
      unit('CD03', 'Em Ngọc'),
      unit('CD02', 'Đông Á', { person: 'Lê Văn Đức', phone: '0236 3822 111', email: 'donga@example.vn' }),
      unit('CD01', 'Dệt may'),
    ];
    const region = show({ expected: 42, received: 37, missing, unknown: [], mismatched: [] });
    expect(within(region).getByRole('status')).toHaveTextContent('Đã nhận 37/42 — còn 5 đơn vị chưa nộp');
    const items = within(within(region).getByRole('list', { name: 'Đơn vị chưa nộp' })).getAllByRole('listitem');
    // Vietnamese order: D < Đ < E < U < Ư (a code-point sort puts Đ and Ư after every plain letter;
    // an English collator puts "Ưu" before "Uyên" as if Ư were U).
    expect(items.map((li) => li.firstChild?.textContent)).toEqual([
      'Dệt may (CD01)',
      'Đông Á (CD02)',
      'Em Ngọc (CD03)',
      'Uyên Phương (CD04)',
      'Ưu Việt (CD05)',
    ]);
    expect(items[1]).toHaveTextContent('Lê Văn Đức · 0236 3822 111 · donga@example.vn');
    expect(items[0]).toHaveTextContent('Danh bạ chưa có người liên hệ');
    expect(within(region).queryByRole('group', { name: 'Tệp cần xem lại' })).toBeNull();
  });

  it('says every unit reported when none is missing', () => {
    const region = show({ expected: 3, received: 3, missing: [], unknown: [], mismatched: [] });
    expect(within(region).getByRole('status')).toHaveTextContent('Đã nhận 3/3 — đủ báo cáo của các đơn vị trong danh bạ');
    expect(within(region).queryByRole('list')).toBeNull();
  });

  it('warns about a file from a unit not in the register and one whose name and locked code disagree', () => {
    const region = show({
      expected: 2,
      received: 1,
      missing: [unit('CD02', 'Sở B')],
      unknown: [{ file: 'bao-cao-CD999-2026.xlsx', code: 'CD999' }],
      mismatched: [{ file: 'bao-cao-CD012-2026.xlsx', code: 'CD021', fileCode: 'CD012' }],
    });
    const warnings = within(within(region).getByRole('group', { name: 'Tệp cần xem lại' })).getAllByText(/^Tệp "/);
    expect(warnings.map((w) => w.textContent)).toEqual([
      'Tệp "bao-cao-CD999-2026.xlsx": mã đơn vị CD999 không có trong danh bạ CĐCS. Kiểm tra lại mã trong tệp, hoặc thêm đơn vị vào sheet "Danh bạ CĐCS" rồi nhập lại.',
      'Tệp "bao-cao-CD012-2026.xlsx": tên tệp ghi mã CD012 nhưng ô mã đơn vị trong tệp ghi CD021. Hỏi lại đơn vị đã gửi tệp trước khi dùng số liệu.',
    ]);
  });

  it(`lists the first ${LISTED_MISSING} missing units and counts the rest`, () => {
    // 2,000 units, none reported: 50 listed, 1,950 counted (Vietnamese thousands separator).
    const missing = Array.from({ length: 2000 }, (_, i) => unit(`CD${i + 1}`, 'CĐCS Trường', {}, i + 2));
    const region = show({ expected: 2000, received: 0, missing, unknown: [], mismatched: [] });
    expect(within(region).getAllByRole('listitem')).toHaveLength(50);
    // Same names: by code, numbers as numbers (CD2 before CD10).
    expect(within(region).getAllByRole('listitem')[1]).toHaveTextContent('CĐCS Trường (CD2)');
    expect(within(region).getByText('… và 1.950 đơn vị nữa: xem sheet "Theo dõi nộp báo cáo".')).toBeInTheDocument();
  });

  it('joins only the contact parts the register has', () => {
    expect(contactLine(unit('A', 'A', { person: ' ', phone: '0900', email: undefined }))).toBe('0900');
  });
});
