import type { SheetGrid } from '../domain/grid';
import { checkSheet } from '../domain/check';
import { findPreset } from '../domain/presets';
import { contentKind, findOwnSheets, freeSheetName, kindByName, placeOwnSheets } from './ownSheets';
import type { SheetInfo, WorkbookPort } from './port';
import { statusColumnsStart } from './render/statusColumns';
import { findDataSheet } from './runCheck';
import { BD_CDVC_2024_HEADERS } from '../../test/support/bdCdvc2024Headers';

const PROBLEMS_HEADER = ['STT', 'Ô', 'Mã đơn vị', 'Tên đơn vị', 'Cột', 'Quy tắc', 'Mức độ', 'Nội dung'];

function portOf(grids: SheetGrid[], infos?: SheetInfo[]): WorkbookPort {
  return {
    sheetNames: async () => grids.map((g) => g.name),
    sheetInfos: async () => infos ?? grids.map((g) => ({ name: g.name, hidden: false })),
    readSheet: async (name) => {
      const g = grids.find((x) => x.name === name);
      if (!g) throw new Error('no sheet');
      return g;
    },
    apply: async () => undefined,
  };
}

describe('recognising the product sheets', () => {
  it('by the header row the product writes, wherever it starts', () => {
    expect(contentKind({ name: 'x', rows: [['KẾT QUẢ'], [], [null, ...PROBLEMS_HEADER]] })).toBe('problems');
    expect(contentKind({ name: 'x', rows: [['Mã', 'Chỉ tiêu', 'Mục tiêu', 'Kết quả', 'Đạt/Chưa đạt', 'Số đơn vị có số liệu', 'x']] })).toBe('summary');
    // A user's summary with its own columns is the user's.
    expect(contentKind({ name: 'Tổng hợp', rows: [['STT', 'Đơn vị', 'Số ĐV'], [1, 'A', 3]] })).toBeUndefined();
  });

  it('names: usual or numbered, any letter case', () => {
    expect(kindByName('TỔNG HỢP')).toBe('summary');
    expect(kindByName('kiểm tra (12)')).toBe('problems');
    expect(kindByName('Tổng hợp 2023')).toBeUndefined();
  });

  it('free names skip every taken one, case-insensitively, within 31 characters', () => {
    expect(freeSheetName('Tổng hợp', ['Dữ liệu'])).toBe('Tổng hợp');
    expect(freeSheetName('Tổng hợp', ['TỔNG HỢP', 'tổng hợp (2)'])).toBe('Tổng hợp (3)');
    expect(freeSheetName('x'.repeat(31), ['x'.repeat(31)])).toBe('x'.repeat(27) + ' (2)');
  });

  it("a user's copy of the product's summary under another name stays the user's", async () => {
    const copy: SheetGrid = { name: 'Tổng hợp 2023', rows: [['Mã', 'Chỉ tiêu', 'Mục tiêu', 'Kết quả', 'Đạt/Chưa đạt', 'Số đơn vị có số liệu']] };
    const port = portOf([{ name: 'Dữ liệu', rows: [] }, copy]);
    const own = await findOwnSheets(port, await port.sheetInfos!());
    expect([...own]).toEqual([]);
    expect(placeOwnSheets(await port.sheetInfos!(), own).names.summary).toBe('Tổng hợp');
  });

  it('a marker wins over content and name; a user sheet with the usual name pushes ours to a free name', async () => {
    const infos: SheetInfo[] = [
      { name: 'Tổng hợp', hidden: false },
      { name: 'KQ họp', hidden: false, mark: 'summary' },
      { name: 'kiểm tra', hidden: false },
    ];
    const port = portOf(
      [
        { name: 'Tổng hợp', rows: [['Ghi chú riêng']] },
        { name: 'KQ họp', rows: [] },
        { name: 'kiểm tra', rows: [['Danh sách việc cần làm']] },
      ],
      infos,
    );
    const own = await findOwnSheets(port, infos);
    const placement = placeOwnSheets(infos, own);
    expect(placement.names).toMatchObject({ summary: 'KQ họp', problems: 'Kiểm tra (2)', unitList: 'Danh sách đơn vị', intake: 'Nhập báo cáo' });
    expect(placement.notices.problems).toContain('"kiểm tra"');
    expect(placement.notices.summary).toBeUndefined();
  });
});

describe('status columns and merged cells', () => {
  // bd-cdvc-2024: 7 per-unit indicators + Lỗi dữ liệu = 8 columns. Table A…M (0…12), one unit on row 2.
  const row = ['CD01', 'CĐCS 1', 'Nhà nước', 2024, 20, 20, 4, 'Có', 'Có', 'Có', 'Có', 'Có', 'Hoàn thành tốt nhiệm vụ'];
  const resultWith = (merges: SheetGrid['merges']) => {
    const out = checkSheet({ name: 'D', rows: [[...BD_CDVC_2024_HEADERS], row], merges }, { targetSet: findPreset('bd-cdvc-2024')!, year: 2024, today: new Date(2026, 0, 1) });
    if (!out.ok) throw new Error(out.error.message);
    return out.value;
  };

  it('start after one empty column when nothing is merged there', () => {
    expect(statusColumnsStart(resultWith([]))).toBe(14); // O
  });

  it('move right of a merge that covers their header row', () => {
    // P1:R1 merged (columns 15…17): the block O…V would cross it → start at 17 + 2 = 19 (T).
    expect(statusColumnsStart(resultWith([{ top: 1, left: 15, bottom: 1, right: 17 }]))).toBe(19);
  });

  it('a merge below the units does not move them', () => {
    expect(statusColumnsStart(resultWith([{ top: 5, left: 14, bottom: 6, right: 20 }]))).toBe(14);
  });
});

describe('which sheet holds the data (layouts.md, "Which sheet")', () => {
  const table: SheetGrid['rows'] = [[...BD_CDVC_2024_HEADERS], ['CD01', 'CĐCS 1', 'Nhà nước']];
  const broken: WorkbookPort = {
    ...portOf([]),
    sheetNames: async () => ['Hỏng', 'Năm trước', 'Dữ liệu'],
    readSheet: async (name) => {
      if (name === 'Hỏng') throw new Error('phần sheet bị hỏng');
      return { name, rows: table };
    },
  };

  it('skips a hidden sheet when a visible one has a table, and an unreadable sheet with a notice', async () => {
    const infos: SheetInfo[] = [
      { name: 'Hỏng', hidden: false },
      { name: 'Năm trước', hidden: true },
      { name: 'Dữ liệu', hidden: false },
    ];
    const found = await findDataSheet(broken, infos, new Set());
    expect(found?.grid.name).toBe('Dữ liệu');
    expect(found?.notices).toEqual(['Bỏ qua sheet "Hỏng": không đọc được (phần sheet bị hỏng).']);
  });

  it('reads the only table from a hidden sheet, naming it', async () => {
    const infos: SheetInfo[] = [{ name: 'Năm trước', hidden: true }];
    const found = await findDataSheet(broken, infos, new Set());
    expect(found?.grid.name).toBe('Năm trước');
    expect(found?.notices).toEqual(['Bảng số liệu nằm trong sheet ẩn "Năm trước": đã đọc từ sheet đó.']);
  });
});
