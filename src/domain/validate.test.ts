/**
 * Every rule of spec/validation.md through the engine, with the cell each problem must name.
 * Table layout in these tests: row 1 is the header, units from row 2; columns in `keys` order.
 */
import { checkSheet } from './check';
import type { RawCell, SheetGrid } from './grid';
import { findPreset } from './presets';
import type { CheckResult } from './result';
import { table } from '../../test/support/table';

const set = findPreset('bd-cdvc-2024')!;
const KEYS = ['ma_don_vi', 'ten_don_vi', 'khu_vuc', 'nam', 'co_ke_hoach', 'dang_ky_thi_dua', 'xep_loai', 'so_ld_du_dk', 'so_dv', 'phat_dong_cds', 'dv_sang_kien', 'dang_ky_vh', 'dat_chuan_vh'];
//              A            B             C          D       E              F                  G           H              I        J                K               L             M
const good = (code: string, extra: Record<string, RawCell> = {}): Record<string, RawCell> => ({
  ma_don_vi: code,
  ten_don_vi: `CĐCS ${code}`,
  khu_vuc: 'Nhà nước',
  nam: 2024,
  co_ke_hoach: 'Có',
  dang_ky_thi_dua: 'Có',
  xep_loai: 'HTT',
  so_ld_du_dk: 20,
  so_dv: 20,
  phat_dong_cds: 'Có',
  dv_sang_kien: 3,
  dang_ky_vh: 'Có',
  dat_chuan_vh: 'Có',
  ...extra,
});

function check(grid: SheetGrid): CheckResult {
  const out = checkSheet(grid, { targetSet: set });
  if (!out.ok) throw new Error(out.error.message);
  return out.value;
}
const rulesAt = (r: CheckResult) => r.problems.map((p) => `${p.rule}@${p.cell}`);

describe('validation rules', () => {
  it('a clean table raises nothing', () => {
    expect(check(table({ keys: KEYS, rows: [good('A'), good('B')] })).problems).toEqual([]);
  });

  it('missing_column on the first cell of the header row, one per column; unknown_column on its header', () => {
    const keys = KEYS.filter((k) => k !== 'dv_sang_kien' && k !== 'xep_loai');
    const grid = table({ keys: [...keys, 'Ghi chú'], rows: [{ ...good('A'), 'Ghi chú': 'x' }] });
    const r = check(grid);
    expect(rulesAt(r).sort()).toEqual(['missing_column@A1', 'missing_column@A1', 'unknown_column@L1'].sort());
    expect(r.problems.filter((p) => p.rule === 'missing_column').map((p) => p.column).sort()).toEqual(['dv_sang_kien', 'xep_loai']);
    expect(r.problems.find((p) => p.rule === 'missing_column' && p.column === 'xep_loai')!.message).toContain('Hãy thêm cột có tiêu đề "Xếp loại"');
  });

  it('required_missing for identity and for cells an indicator needs in scope', () => {
    const r = check(table({ keys: KEYS, rows: [good('A', { khu_vuc: null, so_dv: null }), good('B', { ten_don_vi: '  ' })] }));
    expect(rulesAt(r)).toEqual(['required_missing@C2', 'required_missing@I2', 'required_missing@B3']);
    const p = r.problems[0];
    expect(p).toMatchObject({ sheet: 'Dữ liệu CĐCS', row: 2, column: 'khu_vuc', unit: { code: 'A', name: 'CĐCS A' }, severity: 'error' });
    expect(p.message).toMatch(/^Ô C2: .*Hãy nhập một trong: Nhà nước, Ngoài nhà nước\.$/);
  });

  it('not_a_number, negative, not_integer, invalid_choice, formula_error; the cell then counts as missing', () => {
    const rows = [
      good('A', { so_dv: '12 người' }),
      good('B', { so_dv: -1 }),
      good('C', { dv_sang_kien: '2,5' }),
      good('D', { xep_loai: 'Tốt lắm' }),
      good('E', { so_ld_du_dk: { error: '#REF!' } }),
      good('F', { dv_sang_kien: '-' }),
    ];
    const r = check(table({ keys: KEYS, rows }));
    expect(rulesAt(r)).toEqual([
      'not_a_number@I2',
      'negative@I3',
      'not_integer@K4',
      'invalid_choice@G5',
      'formula_error@H6',
      'not_a_number@K7',
    ]);
    expect(r.problems.map((p) => p.severity)).toEqual(['error', 'error', 'error', 'error', 'error', 'warning']);
    // bao_phu_dv: units A, B and E lack a usable value → 3 of 6 reported.
    expect(r.indicators.find((i) => i.id === 'bao_phu_dv')).toMatchObject({ inScope: 6, reported: 3 });
    expect(r.units.map((u) => u.errorCount)).toEqual([1, 1, 1, 1, 1, 0]);
  });

  it('exceeds_total on the part, computed as typed', () => {
    const r = check(table({ keys: KEYS, rows: [good('A', { so_dv: 25, dv_sang_kien: 30 })] }));
    // so_dv 25 > so_ld_du_dk 20? so_dv's whole is tong_so_ld (absent) → no; dv_sang_kien 30 > so_dv 25 → yes.
    expect(rulesAt(r)).toEqual(['exceeds_total@K2']);
    expect(r.indicators.find((i) => i.id === 'bao_phu_dv')).toMatchObject({ numerator: 25, denominator: 20, status: 'DAT' });
  });

  it('duplicate_unit on the second and later occurrences, case-insensitive and trimmed', () => {
    const r = check(table({ keys: KEYS, rows: [good('cd01'), good('CD02'), good(' CD01 '), good('Cd01')] }));
    expect(rulesAt(r)).toEqual(['duplicate_unit@A4', 'duplicate_unit@A5']);
    expect(r.problems[0].message).toContain('dòng 2');
  });

  it('totals rows are not units; each numeric cell must equal the sum above', () => {
    const rows = [good('A'), good('B', { so_dv: 10 }), { ma_don_vi: null, ten_don_vi: 'Tổng cộng', so_ld_du_dk: 40, so_dv: 31, dv_sang_kien: '6' }];
    const r = check(table({ keys: KEYS, rows }));
    // so_dv: 20 + 10 = 30 ≠ 31 → I4; so_ld_du_dk 40 and dv_sang_kien 6 are right.
    expect(rulesAt(r)).toEqual(['total_row_mismatch@I4']);
    expect(r.units.map((u) => u.row)).toEqual([2, 3]);
    expect(r.problems[0].message).toContain('Hãy sửa thành 30');
  });

  it('blank rows inside the table are skipped silently', () => {
    const grid = table({ keys: KEYS, rows: [good('A'), {}, good('B')] });
    const r = check(grid);
    expect(r.problems).toEqual([]);
    expect(r.units.map((u) => u.row)).toEqual([2, 4]);
  });

  it('legacy_encoding is a warning with a fix, and the converted text is used', () => {
    const r = check(table({ keys: KEYS, rows: [good('A', { ten_don_vi: 'C«ng ®oµn Tr­êng THPT', xep_loai: 'Hoµn thµnh tèt nhiÖm vô' })] }));
    expect(rulesAt(r)).toEqual(['legacy_encoding@B2', 'legacy_encoding@G2']);
    expect(r.units[0].name).toBe('Công đoàn Trường THPT');
    expect(r.problems[1].fix?.value).toBe('Hoàn thành tốt nhiệm vụ');
  });

  it('year_mismatch for rows of another year in a single-year set; the run year defaults to the latest', () => {
    const r = check(table({ keys: KEYS, rows: [good('A'), good('B', { nam: 2023 })] }));
    expect(r.year).toBe(2024);
    expect(rulesAt(r)).toEqual(['year_mismatch@D3']);
    expect(r.indicators.find((i) => i.id === 'co_ke_hoach')).toMatchObject({ inScope: 1 });
  });

  it('without a Năm column the year comes from the title rows', () => {
    const keys = KEYS.filter((k) => k !== 'nam');
    const grid = table({ keys, rows: [good('A')], title: [['BẢNG TỔNG HỢP SỐ LIỆU CĐCS NĂM 2023'], []] });
    const out = checkSheet(grid, { targetSet: set });
    expect(out.ok && out.value.year).toBe(2023);
    expect(out.ok && out.value.problems).toEqual([]);
  });

  it('silent fixes are offered for variants and number text, never applied', () => {
    const r = check(table({ keys: KEYS, rows: [good('A', { so_dv: '20', co_ke_hoach: 'x' })] }));
    expect(r.problems).toEqual([]);
    expect(r.fixes.map((f) => [f.cell, f.value])).toEqual([
      ['E2', 'Có'],
      ['G2', 'Hoàn thành tốt nhiệm vụ'],
      ['I2', 20],
    ]);
  });

  it('a sheet without a table is a result, not an exception', () => {
    const out = checkSheet({ name: 'Trống', rows: [['Xin chào']] }, { targetSet: set });
    expect(out.ok).toBe(false);
    expect(!out.ok && out.error.code).toBe('no_table');
  });
});
