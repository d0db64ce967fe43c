import { checkSheet } from '../../domain/check';
import type { RawCell } from '../../domain/grid';
import { findPreset } from '../../domain/presets';
import type { CheckResult } from '../../domain/result';
import { table, units } from '../../../test/support/table';
import { contentKind } from '../ownSheets';
import type { SheetSpec } from '../plan';
import { STYLES } from '../styles';
import { rememberedReportingBody, reportingLines } from './reportingBody';
import { renderSummarySheet, SUMMARY_HEADER } from './summarySheet';
import { figureText } from './summaryText';
import { renderUnitListSheet, UNITS_LISTED } from './unitListSheet';

const TODAY = new Date(2026, 10, 21);
const SET = findPreset('bd-cdvc-2024')!;

function check(n: number, f: (i: number) => Record<string, RawCell> = () => ({ nam: 2024, so_ld_du_dk: 10, so_dv: 9 })): CheckResult {
  const keys = ['ma_don_vi', 'ten_don_vi', 'khu_vuc', 'nam', 'so_ld_du_dk', 'so_dv', 'xep_loai'];
  // Every unit covers 9 of 10 eligible workers by default: each fails bao_phu_dv (≥ 100%).
  const out = checkSheet(table({ keys, rows: units(n, f) }), { targetSet: SET, year: 2024 });
  if (!out.ok) throw new Error(out.error.message);
  return out.value;
}

const texts = (sheet: SheetSpec): string[][] => sheet.rows.map((r) => r.map((c) => (c && c.v !== null ? String(c.v) : '')));
const headerIndex = (rows: string[][]): number => rows.findIndex((r) => r[0] === 'STT' && r[1] === 'Chỉ tiêu');

describe('Tổng hợp, the meeting document', () => {
  it('has the administrative header of Nghị định 30/2020: reporting body in two lines, motto, Số: line, place and date, title, program', () => {
    const rows = texts(renderSummarySheet(check(3), TODAY));
    expect(rows[0][0]).toBe('LIÊN ĐOÀN LAO ĐỘNG TỈNH BÌNH ĐỊNH');
    expect(rows[1][0]).toBe('CÔNG ĐOÀN VIÊN CHỨC TỈNH BÌNH ĐỊNH');
    // The number is left blank for the office; the code after BC- is the issuer's, from "06/CTr-CĐVC".
    expect(rows[2][0]).toBe('Số:        /BC-CĐVC');
    expect(rows[0][4]).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(rows[1][4]).toBe('Độc lập - Tự do - Hạnh phúc');
    expect(rows[2][4]).toBe('Bình Định, ngày 21 tháng 11 năm 2026');
    expect(rows[4][0]).toBe('BÁO CÁO KẾT QUẢ THỰC HIỆN CHỈ TIÊU NĂM 2024');
    expect(rows[5][0]).toMatch(/^Thực hiện Chương trình số 06\/CTr-CĐVC ngày 16\/9\/2024, mục II — Đổi mới/);
    // The signature block closes the document.
    expect(rows.some((r) => r[0] === 'NGƯỜI LẬP BIỂU' && r[4] === 'TM. BAN THƯỜNG VỤ')).toBe(true);
  });

  it('numbers the indicators and names them in the program words, Mã last', () => {
    const sheet = renderSummarySheet(check(3), TODAY);
    const rows = texts(sheet);
    const h = headerIndex(rows);
    expect(rows[h].slice(0, 8)).toEqual(['STT', 'Chỉ tiêu', 'Mục tiêu', 'Kết quả', 'Đánh giá', 'Số đơn vị có số liệu', 'Ghi chú', 'Mã']);
    expect(contentKind({ name: 'x', rows: sheet.rows.map((r) => r.map((c) => c?.v ?? null)) })).toBe('summary');
    const table = rows.slice(h + 1, h + 1 + SET.indicators.length);
    expect(table.map((r) => r[0])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(table.map((r) => r[7])).toEqual(SET.indicators.map((i) => i.id));
    // bao_phu_dv is 4th: 3 · 9 / 3 · 10 = 90% < 100%, so Chưa đạt; every unit is below its ratio.
    const bao = table[3];
    expect(bao[1]).toBe(
      'Phát triển đoàn viên đạt 100% CBCCVCLĐ là đoàn viên công đoàn (tính trên tổng số CBCCVCLĐ đủ điều kiện gia nhập vào tổ chức công đoàn)',
    );
    expect(bao.slice(2, 6)).toEqual(['≥ 100%', '90% (27/30)', 'Chưa đạt', '3/3']);
    expect(bao[6]).toBe('Đơn vị chưa đạt tỷ lệ (3): CĐCS số 1; CĐCS số 2; CĐCS số 3.');
    // The description "không có CĐCS không hoàn thành nhiệm vụ." starts with a capital and loses its full stop.
    expect(table[2][1]).toBe('Không có CĐCS không hoàn thành nhiệm vụ');
    // Mã is small and grey; STT and Chỉ tiêu are the reader's.
    const codeStyle = STYLES[sheet.rows[h + 4][7]!.s!];
    expect(codeStyle.font).toMatchObject({ size: 9, color: '808080' });
  });

  it('shows Đạt / Chưa đạt with a ✓ / ✗ mark the number format adds, the cell keeping the word', () => {
    expect(STYLES.status_DAT.numFmt).toBe('"✓ "@');
    expect(STYLES.status_CHUA_DAT.numFmt).toBe('"✗ "@');
    // The four statuses print four different ways in grey (mark, weight, slant).
    const looks = (['status_DAT', 'status_CHUA_DAT', 'status_THIEU_DU_LIEU', 'status_KHONG_AP_DUNG'] as const).map((k) =>
      JSON.stringify([STYLES[k].numFmt, STYLES[k].font?.bold, STYLES[k].font?.italic]),
    );
    expect(new Set(looks).size).toBe(4);
  });

  it('names at most 8 units in Ghi chú under a heading fitting the kind, then points to Danh sách đơn vị', () => {
    // 11 units, none has a plan (co_ke_hoach is yes/no: absent column → no data), 9/10 workers each.
    const rows = texts(renderSummarySheet(check(11), TODAY));
    const bao = rows.find((r) => r[7] === 'bao_phu_dv')!;
    // 11 failing: names 1–8, then "và 3 đơn vị khác".
    expect(bao[6]).toBe(
      'Đơn vị chưa đạt tỷ lệ (11): CĐCS số 1; CĐCS số 2; CĐCS số 3; CĐCS số 4; CĐCS số 5; CĐCS số 6; CĐCS số 7; CĐCS số 8 và 3 đơn vị khác — xem sheet "Danh sách đơn vị".',
    );
  });

  it('names the units a count counts (CĐCS không hoàn thành nhiệm vụ)', () => {
    // Units 2 and 4 rated "Không hoàn thành nhiệm vụ": the count is 2 and names both.
    const result = check(4, (i) => ({ nam: 2024, so_ld_du_dk: 10, so_dv: 10, xep_loai: i % 2 ? 'Không hoàn thành nhiệm vụ' : 'Hoàn thành tốt nhiệm vụ' }));
    const rows = texts(renderSummarySheet(result, TODAY));
    const kht = rows.find((r) => r[7] === 'khong_kht')!;
    expect(kht.slice(3, 5)).toEqual(['2 đơn vị', 'Chưa đạt']);
    expect(kht[6]).toBe('CĐCS không hoàn thành nhiệm vụ (2): CĐCS số 2; CĐCS số 4.');
    const list = texts(renderUnitListSheet(result));
    expect(list.filter((r) => r[1] === '3. Số CĐCS không hoàn thành nhiệm vụ').map((r) => r[3])).toEqual(['CĐCS số 2', 'CĐCS số 4']);
  });

  it('says in a line under the title when the year was guessed', () => {
    const keys = ['ma_don_vi', 'ten_don_vi', 'khu_vuc', 'so_ld_du_dk', 'so_dv'];
    const out = checkSheet(table({ keys, rows: units(2, () => ({ so_ld_du_dk: 10, so_dv: 9 })) }), { targetSet: SET, today: TODAY });
    if (!out.ok) throw new Error(out.error.message);
    expect(out.value.yearSource).toBe('guess');
    const rows = texts(renderSummarySheet(out.value, TODAY));
    // No Năm column and no year anywhere: the run takes today's year, 2026. The table also lacks
    // most of the set's columns (5 of its 12 present), which the same line says.
    expect(rows[6][0]).toMatch(/^Lưu ý: Năm 2026 là năm tạm tính: bảng số liệu, tiêu đề, tên sheet và tên tệp không ghi năm báo cáo\. Bảng số liệu thiếu \d+\/12 cột/);
    // Without a guess there is no such line: row 7 is the data line.
    expect(texts(renderSummarySheet(check(2), TODAY))[6][0]).toMatch(/^Số liệu: sheet/);
  });

  it('prints A4 landscape one page wide, header row repeated, Trang x/y, the chart beside the table and its data outside the print area', () => {
    const sheet = renderSummarySheet(check(3), TODAY);
    const h = headerIndex(texts(sheet)) + 1;
    expect(sheet.page).toMatchObject({ landscape: true, fitToWidth: true, printTitleRows: [h, h], footer: 'Trang &P/&N' });
    const chart = sheet.chart!;
    // The chart covers J..O from the row under the header (never in the repeated header row);
    // the print area ends at O; the data is in Q..S.
    expect(chart.at).toMatch(new RegExp(`^J${h + 1}:O\\d+$`));
    expect(sheet.page!.printArea).toMatch(/^A1:O\d+$/);
    const [from, to] = chart.data.split(':').map((a) => Number(a.slice(1)));
    expect(chart.data.startsWith(`Q${h}:S`)).toBe(true);
    const block = sheet.rows.slice(from - 1, to).map((r) => r.slice(16, 19).map((c) => c?.v ?? null));
    expect(block[0]).toEqual(['STT', 'Mục tiêu (%)', 'Kết quả (%)']);
    // The % indicators by their STT: all but khong_kht (3, a count). bao_phu_dv (4): 27/30 = 90%; dat_chuan_vh (8) ≥ 95%, no data.
    expect(block.slice(1).map((r) => r[0])).toEqual(['1', '2', '4', '5', '6', '7', '8']);
    expect(block.find((r) => r[0] === '4')).toEqual(['4', 100, 90]);
    expect(block.find((r) => r[0] === '8')).toEqual(['8', 95, '—']);
  });

  it('sets Times New Roman on every style it writes: 12 pt in the table, 13–14 pt in the body', () => {
    const sheet = renderSummarySheet(check(3), TODAY);
    const used = new Set(sheet.rows.flatMap((r) => r.map((c) => c?.s)).filter((s) => s));
    for (const key of used) expect(STYLES[key!].font?.name).toBe('Times New Roman');
    for (const key of Object.keys(STYLES) as (keyof typeof STYLES)[]) expect(STYLES[key].font?.name).toBe('Times New Roman');
    expect(STYLES.cell.font?.size).toBe(12);
    expect(STYLES.org_bold.font?.size).toBe(13);
    expect(STYLES.title.font?.size).toBe(14);
  });

  it('shows large money in triệu đồng and makes the figure column as wide as its longest number', () => {
    const su = findPreset('bd-cdvc-nq02')!.indicators.find((i) => i.id === 'su_dung_kp')!;
    expect(su.kind).toBe('ratio');
    const r = {
      id: 'su_dung_kp', label: su.label, kind: 'ratio' as const, target: { comparator: '>=' as const, value: { n: 3, d: 4 } },
      actual: 0.75, numerator: 2_066_840_000, denominator: 2_755_786_667, status: 'DAT' as const, inScope: 12, reported: 12, perUnit: true, failingUnits: [],
    };
    // 2.066.840.000 đồng = 2.066,8 triệu; 2.755.786.667 = 2.755,8 triệu.
    expect(figureText(findPreset('bd-cdvc-nq02')!, r)).toBe('75% (2.066,8/2.755,8 triệu đồng)');
  });
});

describe('Danh sách đơn vị', () => {
  it('holds the full list per indicator with a link to each unit row', () => {
    const sheet = renderUnitListSheet(check(11));
    const rows = texts(sheet);
    expect(rows[2]).toEqual(['STT', 'Chỉ tiêu', 'Mã đơn vị', 'Tên đơn vị', 'Dòng', 'Diện']);
    expect(contentKind({ name: 'x', rows: sheet.rows.map((r) => r.map((c) => c?.v ?? null)) })).toBe('unitList');
    const bao = rows.filter((r) => r[1] === '4. Đoàn viên / CBCCVCLĐ đủ điều kiện');
    expect(bao).toHaveLength(11);
    // Header on row 1, units from row 2: CĐCS số 11 is on sheet row 12.
    expect(bao[10].slice(2, 6)).toEqual(['CD011', 'CĐCS số 11', '12', 'Đơn vị chưa đạt tỷ lệ']);
    const cell = sheet.rows[rows.indexOf(bao[10])][4]!;
    expect(cell.link).toEqual({ sheet: 'Dữ liệu CĐCS', cell: 'A12' });
    expect(sheet.page).toMatchObject({ printTitleRows: [3, 3], footer: 'Trang &P/&N' });
  });

  it(`lists at most ${UNITS_LISTED} units per indicator, then says where the rest are`, () => {
    const rows = texts(renderUnitListSheet(check(UNITS_LISTED + 5)));
    const label = '4. Đoàn viên / CBCCVCLĐ đủ điều kiện';
    expect(rows.filter((r) => r[1] === label)).toHaveLength(UNITS_LISTED);
    expect(rows.find((r) => (r[1] ?? '').startsWith('… và 5 đơn vị khác'))).toBeDefined();
  });
});

describe('the reporting body', () => {
  it('is the issuer unless given; one name goes under the issuer, two names separated by ";" are both lines', () => {
    expect(reportingLines(SET)).toEqual({ above: 'LIÊN ĐOÀN LAO ĐỘNG TỈNH BÌNH ĐỊNH', body: 'CÔNG ĐOÀN VIÊN CHỨC TỈNH BÌNH ĐỊNH' });
    expect(reportingLines(SET, 'Công đoàn Trường THPT số 1')).toEqual({ above: 'CÔNG ĐOÀN VIÊN CHỨC TỈNH BÌNH ĐỊNH', body: 'CÔNG ĐOÀN TRƯỜNG THPT SỐ 1' });
    expect(reportingLines(SET, 'LĐLĐ huyện A; Công đoàn xã B')).toEqual({ above: 'LĐLĐ HUYỆN A', body: 'CÔNG ĐOÀN XÃ B' });
  });

  it('is read back from the product Tổng hợp: a user body is remembered, an issuer is not', () => {
    const given = renderSummarySheet(check(2), TODAY, undefined, { reportingBody: 'Công đoàn Trường THPT số 1' });
    const grid = { name: 'Tổng hợp', rows: given.rows.map((r) => r.map((c) => c?.v ?? null)) };
    const remembered = rememberedReportingBody(grid, SET);
    expect(remembered).toBe('CÔNG ĐOÀN VIÊN CHỨC TỈNH BÌNH ĐỊNH; CÔNG ĐOÀN TRƯỜNG THPT SỐ 1');
    // Rendering again with what was read back gives the same header (a re-run gives an equal file).
    const again = renderSummarySheet(check(2), TODAY, undefined, { reportingBody: remembered });
    expect(texts(again).slice(0, 3)).toEqual(texts(given).slice(0, 3));
    // The Số: line has no issuer code for a body of the user's own.
    expect(texts(given)[2][0]).toBe('Số:        /BC-……');
    const plain = renderSummarySheet(check(2), TODAY);
    expect(rememberedReportingBody({ name: 'Tổng hợp', rows: plain.rows.map((r) => r.map((c) => c?.v ?? null)) }, SET)).toBeUndefined();
  });
});

test('SUMMARY_HEADER is the spec column list', () => {
  expect([...SUMMARY_HEADER]).toEqual(['STT', 'Chỉ tiêu', 'Mục tiêu', 'Kết quả', 'Đánh giá', 'Số đơn vị có số liệu', 'Ghi chú', 'Mã']);
});
