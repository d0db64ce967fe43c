import { CAP_CAP_TREN, CAP_CDCS, COLUMNS, HTT_PLUS, KV_NN, KV_NNN, XL_KHT } from './catalog';
import { checkSheet } from './check';
import { columnsForSet } from './columnsForSet';
import { cellAt, columnIndex, type RawCell } from './grid';
import { findPreset, PRESETS } from './presets';
import { percent, whole } from './rational';
import { SAMPLE_SHEET_NAME, sampleWorkbook, type SampleWorkbook } from './sample';
import type { TargetSet } from './targetSet';

/** A small set of our own, independent of the built-in presets: levels, sectors, a `where`, money. */
const SET: TargetSet = {
  id: 'test-set',
  title: 'Bộ chỉ tiêu thử',
  document: 'Kế hoạch số 01/KH-LĐLĐ',
  documentNumber: '01/KH-LĐLĐ',
  issuer: 'LIÊN ĐOÀN LAO ĐỘNG TỈNH BÌNH ĐỊNH',
  indicators: [
    { id: 'bao_phu', kind: 'ratio', num: 'so_dv', den: 'so_ld_du_dk', perUnit: true, label: 'Bao phủ', scope: {}, target: { comparator: '>=', value: percent(100) } },
    { id: 'tong', kind: 'ratio', num: 'so_dv', den: 'tong_so_ld', label: 'ĐV/LĐ', scope: { sector: KV_NNN }, target: { comparator: '>=', value: percent(80) } },
    { id: 'sk', kind: 'unit_threshold', num: 'dv_sang_kien', den: 'so_dv', unitTarget: { comparator: '>=', value: percent(15) }, label: 'Sáng kiến', scope: {}, target: { comparator: '>=', value: percent(100) } },
    { id: 'kp', kind: 'ratio', num: 'kp_su_dung', den: 'kp_thu', perUnit: true, label: 'Kinh phí', scope: {}, target: { comparator: '>=', value: percent(75) } },
    { id: 'ct_htt', kind: 'unit_share', condition: { column: 'xep_loai', values: HTT_PLUS }, label: 'CT HTT+', scope: { level: CAP_CAP_TREN }, target: { comparator: '>=', value: percent(85) } },
    { id: 'kht', kind: 'unit_count', condition: { column: 'xep_loai', values: [XL_KHT] }, label: 'KHT', scope: {}, target: { comparator: '<=', value: whole(0) } },
    { id: 'dao_tao', kind: 'unit_share', condition: { column: 'chu_tich_dao_tao' }, label: 'Đào tạo chủ tịch', scope: { where: 'chu_tich_bau_moi' }, target: { comparator: '>=', value: percent(100) } },
    { id: 'tap_huan', kind: 'ratio', num: 'can_bo_tap_huan', den: 'can_bo_cd', label: 'Tập huấn', scope: {}, target: { comparator: '>=', value: percent(100) } },
    { id: 'tham_hoi', kind: 'ratio', num: 'dv_kho_khan_tham_hoi', den: 'dv_kho_khan', label: 'Thăm hỏi', scope: {}, target: { comparator: '>=', value: percent(100) } },
  ],
};

const HEADER_TO_KEY = new Map(COLUMNS.map((c) => [c.header, c.key]));

interface Row {
  readonly row: number;
  readonly values: Record<string, RawCell>;
}

/** The unit rows as catalog key → raw cell, read back through the header texts (totals row left out). */
function unitRows(s: SampleWorkbook): Row[] {
  const header = s.grid.rows[s.headerRow - 1];
  const out: Row[] = [];
  for (let r = s.headerRow + 1; r <= s.grid.rows.length; r++) {
    const values: Record<string, RawCell> = {};
    header.forEach((h, c) => {
      const key = typeof h === 'string' ? HEADER_TO_KEY.get(h) : undefined;
      if (key) values[key] = cellAt(s.grid, r, c);
    });
    if (values.ten_don_vi === 'Tổng cộng') continue;
    out.push({ row: r, values });
  }
  return out;
}

function at(s: SampleWorkbook, cell: string): RawCell {
  const m = /^([A-Z]+)(\d+)$/.exec(cell);
  if (!m) throw new Error(cell);
  return cellAt(s.grid, Number(m[2]), columnIndex(m[1]));
}

const ALL_SETS: readonly TargetSet[] = [SET, ...PRESETS];
const multiYears = (set: TargetSet) => (set.indicators.some((i) => i.scope.years) ? [2021, 2022, 2023] : []);

describe('sampleWorkbook', () => {
  it('is deterministic: the same options give the same grid, another seed another one', () => {
    const a = sampleWorkbook(SET, { units: 60, year: 2024, seed: 42, mistakes: true, title: true });
    const b = sampleWorkbook(SET, { units: 60, year: 2024, seed: 42, mistakes: true, title: true });
    const c = sampleWorkbook(SET, { units: 60, year: 2024, seed: 43, mistakes: true, title: true });
    expect(b).toEqual(a);
    expect(c.grid.rows).not.toEqual(a.grid.rows);
    expect(a.grid.name).toBe(SAMPLE_SHEET_NAME);
    expect(SAMPLE_SHEET_NAME).toBe('Dữ liệu CĐCS');
  });

  it('puts the header on row 4 under title rows, or on row 1 without them', () => {
    const keys = columnsForSet(SET);
    const headers = ['STT', ...keys.map((k) => COLUMNS.find((c) => c.key === k)?.header)];

    const titled = sampleWorkbook(SET, { units: 5, year: 2024, title: true });
    expect(titled.headerRow).toBe(4);
    expect(titled.grid.rows[0][0]).toBe('LIÊN ĐOÀN LAO ĐỘNG TỈNH BÌNH ĐỊNH');
    expect(titled.grid.rows[1][0]).toBe('BẢNG TỔNG HỢP SỐ LIỆU CÔNG ĐOÀN CƠ SỞ NĂM 2024');
    expect(titled.grid.rows[2].every((v) => v === null)).toBe(true);
    expect(titled.grid.rows[3]).toEqual(headers);
    expect(titled.grid.rows[4].slice(0, 3)).toEqual([1, 'CD001', expect.stringMatching(/^CĐCS /)]);

    const plain = sampleWorkbook(SET, { units: 5, year: 2024 });
    expect(plain.headerRow).toBe(1);
    expect(plain.grid.rows[0]).toEqual(headers);
    expect(plain.grid.rows.slice(1)).toEqual(titled.grid.rows.slice(4));
  });

  it('uses the parent federation for the title of a set issued by a body inside it', () => {
    const s = sampleWorkbook(findPreset('hy-cdgd-nq02')!, { units: 3, year: 2024, title: true });
    expect(s.grid.rows[0][0]).toBe('LIÊN ĐOÀN LAO ĐỘNG TỈNH HƯNG YÊN');
  });

  it('writes one row per unit and year, with unique codes CD001… per year', () => {
    const one = sampleWorkbook(SET, { units: 37, year: 2024 });
    expect(one.grid.rows).toHaveLength(1 + 37);
    const rows = unitRows(one);
    expect(rows.map((r) => r.values.ma_don_vi)).toEqual(Array.from({ length: 37 }, (_, i) => `CD${String(i + 1).padStart(3, '0')}`));
    expect(rows.every((r) => r.values.nam === 2024)).toBe(true);

    const multi = sampleWorkbook(findPreset('hy-cdgd-nq02')!, { units: 20, year: 2024, years: [2022, 2021, 2023, 2024] });
    const mrows = unitRows(multi);
    expect(mrows).toHaveLength(80);
    expect(mrows.map((r) => r.values.nam)).toEqual([2021, 2022, 2023, 2024].flatMap((y) => Array(20).fill(y)));
    expect(new Set(mrows.map((r) => `${r.values.ma_don_vi}|${r.values.nam}`)).size).toBe(80);

    const withMistakes = sampleWorkbook(SET, { units: 37, year: 2024, mistakes: true });
    expect(withMistakes.grid.rows).toHaveLength(1 + 37 + 1); // + the totals row
    expect(withMistakes.grid.rows[38][2]).toBe('Tổng cộng');

    expect(sampleWorkbook(SET, { units: 0, year: 2024 }).grid.rows).toHaveLength(1);
    expect(() => sampleWorkbook(SET, { units: -1, year: 2024 })).toThrow(RangeError);
    expect(() => sampleWorkbook(SET, { units: 2.5, year: 2024 })).toThrow(RangeError);
  });

  it.each(ALL_SETS.map((s) => [s.id, s] as const))('clean data of %s keeps every part ≤ whole rule and fills plausible values', (_id, set) => {
    const s = sampleWorkbook(set, { units: 400, year: 2024, seed: 5, years: multiYears(set) });
    const rows = unitRows(s);
    const keys = columnsForSet(set);
    const rules = COLUMNS.filter((c) => c.partOf && keys.includes(c.key) && keys.includes(c.partOf));
    let checked = 0;
    const bad: string[] = [];
    for (const { row, values } of rows) {
      for (const key of keys) {
        const def = COLUMNS.find((c) => c.key === key)!;
        const v = values[key];
        if ((def.type === 'int' || def.type === 'money') && v !== null && !(Number.isInteger(v) && (v as number) >= 0)) bad.push(`${row} ${key}=${String(v)}`);
        if (def.type === 'bool' && v !== null && v !== 'Có' && v !== 'Không') bad.push(`${row} ${key}=${String(v)}`);
      }
      for (const rule of rules) {
        const part = values[rule.key];
        const total = values[rule.partOf!];
        if (typeof part !== 'number' || typeof total !== 'number') continue;
        if (part > total) bad.push(`${row} ${rule.key}=${part} > ${rule.partOf}=${total}`);
        checked++;
      }
      if (values.khu_vuc !== KV_NN && values.khu_vuc !== KV_NNN) bad.push(`${row} khu_vuc=${String(values.khu_vuc)}`);
      const name = String(values.ten_don_vi);
      if (/^CĐCS Công ty|^CĐCS Hợp tác xã|tư thục/.test(name) && values.khu_vuc !== KV_NNN) bad.push(`${row} ${name} ${String(values.khu_vuc)}`);
      if (/^CĐCS (Sở|Bệnh viện|Trung tâm Y tế|UBND|Trường (Mầm non|Tiểu học|THCS|THPT) (?!tư thục))/.test(name) && values.khu_vuc !== KV_NN) bad.push(`${row} ${name} ${String(values.khu_vuc)}`);
      if (keys.includes('cap') && values.cap !== CAP_CDCS && values.cap !== CAP_CAP_TREN) bad.push(`${row} cap=${String(values.cap)}`);
    }
    expect(bad).toEqual([]);
    expect(checked).toBeGreaterThanOrEqual(rules.length > 0 ? rows.length : 0);
    if (keys.includes('tong_so_ld')) {
      const sizes = rows.map((r) => r.values.tong_so_ld as number);
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(12);
      expect(Math.max(...sizes)).toBeLessThanOrEqual(1300);
    }
    if (keys.includes('cap')) expect(rows.some((r) => r.values.cap === CAP_CAP_TREN)).toBe(true);
    const names = rows.filter((r) => r.values.nam === 2024).map((r) => r.values.ten_don_vi);
    expect(new Set(names).size).toBe(names.length);
  });

  it('leaves a cell read only under a `where` column blank when that column is Không', () => {
    const rows = unitRows(sampleWorkbook(SET, { units: 200, year: 2024, seed: 9 }));
    for (const { values } of rows) {
      if (values.chu_tich_bau_moi === 'Không') expect(values.chu_tich_dao_tao).toBeNull();
      else expect(['Có', 'Không']).toContain(values.chu_tich_dao_tao);
    }
    expect(rows.some((r) => r.values.chu_tich_bau_moi === 'Có')).toBe(true);
  });

  it('puts the mistakes at the documented cells with the documented raw values', () => {
    const s = sampleWorkbook(findPreset('bd-cdvc-nq02')!, { units: 40, year: 2024, seed: 2024, mistakes: true, title: true });
    // Header on row 4, unit index i on row 5 + i; slot j on unit 1 + 2j (40 units ≥ 20).
    // Columns: A STT, B ma_don_vi, C ten_don_vi, D khu_vuc, E nam, F tong_so_ld, G so_ld_du_dk, H so_dv, …
    const byRule = s.mistakes.map((m) => [m.cell, m.column, m.rule]);
    expect(byRule).toEqual([
      ['W4', 'Ghi chú', 'unknown_column'],
      ['C6', 'ten_don_vi', 'legacy_encoding'],
      ['V8', 'xep_loai', 'none'],
      ['V10', 'xep_loai', 'invalid_choice'],
      ['F12', 'tong_so_ld', 'none'],
      ['L14', 'dv_kho_khan_tham_hoi', 'not_a_number'],
      ['F16', 'tong_so_ld', 'not_a_number'],
      ['H18', 'so_dv', 'exceeds_total'],
      ['D20', 'khu_vuc', 'required_missing'],
      ['B22', 'ma_don_vi', 'duplicate_unit'],
      ['P24', 'kp_su_dung', 'formula_error'],
      ['H45', 'so_dv', 'total_row_mismatch'],
    ]);
    for (const m of s.mistakes) expect(at(s, m.cell)).toEqual(m.raw);
    const raw = Object.fromEntries(s.mistakes.map((m) => [m.cell, m.raw]));
    expect(raw.C6).toBe('C§CS Tr\u00ADêng THCS Lª Lîi');
    expect(raw.V8).toBe('HTT');
    expect(raw.V10).toBe('Vững mạnh');
    expect(raw.F12).toBe('1.250');
    expect(raw.L14).toBe('-');
    expect(raw.F16).toMatch(/^\d+ người$/);
    expect(raw.H18).toBeGreaterThan(at(s, 'F18') as number);
    expect(raw.D20).toBeNull();
    expect(raw.B22).toBe(at(s, 'B21'));
    expect(raw.P24).toEqual({ error: '#REF!' });
    expect(at(s, 'C45')).toBe('Tổng cộng');

    // Apart from these cells, the Ghi chú column and the totals row, the data are the clean data.
    const clean = sampleWorkbook(findPreset('bd-cdvc-nq02')!, { units: 40, year: 2024, seed: 2024, title: true });
    expect(at(clean, 'C6')).toBe('CĐCS Trường THCS Lê Lợi');
    expect(at(clean, 'V8')).toBe('Hoàn thành tốt nhiệm vụ');
    expect(at(clean, 'F12')).toBe(1250);
    expect(at(clean, 'L14')).toBe(0);
    const marked = new Set(s.mistakes.map((m) => m.cell));
    const notes = columnIndex('W');
    for (let r = 1; r <= clean.grid.rows.length; r++) {
      for (let c = 0; c < notes; c++) {
        const cell = `${String.fromCharCode(65 + c)}${r}`;
        if (!marked.has(cell)) expect([cell, cellAt(s.grid, r, c)]).toEqual([cell, cellAt(clean.grid, r, c)]);
      }
    }
  });

  it('injects only the mistakes whose columns the set has, and only on units that exist', () => {
    const set = findPreset('cdgd-ct1-2024')!; // no people counts but can_bo_cd, no money
    const s = sampleWorkbook(set, { units: 40, year: 2024, mistakes: true });
    const cols = new Set(s.mistakes.map((m) => m.column));
    expect(cols.has('kp_su_dung')).toBe(false);
    expect(s.mistakes.find((m) => m.rule === 'exceeds_total')?.column).toBe('can_bo_tap_huan');

    const few = sampleWorkbook(SET, { units: 6, year: 2024, mistakes: true });
    const rows = few.mistakes.filter((m) => m.rule !== 'unknown_column' && m.rule !== 'total_row_mismatch');
    // Slots 1 + j on 6 units: units 1…5 (rows 3…7) carry the first five mistakes.
    expect(rows.map((m) => Number(/\d+$/.exec(m.cell)![0]))).toEqual([3, 4, 5, 6, 7]);
  });

  it.each(ALL_SETS.map((s) => [s.id, s] as const))('%s: a correct engine finds no problem in clean data and exactly the documented ones otherwise', (_id, set) => {
    const years = multiYears(set);
    const clean = sampleWorkbook(set, { units: 120, year: 2024, seed: 11, years });
    const cleanOut = checkSheet(clean.grid, { targetSet: set, year: 2024 });
    if (!cleanOut.ok) throw new Error(cleanOut.error.message);
    expect(cleanOut.value.problems).toEqual([]);
    const statuses = cleanOut.value.indicators.map((i) => i.status);
    expect(statuses).toContain('CHUA_DAT');

    const s = sampleWorkbook(set, { units: 40, year: 2024, seed: 11, years, mistakes: true, title: true });
    const out = checkSheet(s.grid, { targetSet: set, year: 2024 });
    if (!out.ok) throw new Error(out.error.message);
    const found = out.value.problems.map((p) => `${p.cell} ${p.rule}`).sort();
    const expected = s.mistakes.filter((m) => m.rule !== 'none').map((m) => `${m.cell} ${m.rule}`).sort();
    expect(found).toEqual(expected);
    expect(s.mistakes.length).toBeGreaterThanOrEqual(8);
    const legacy = out.value.problems.find((p) => p.rule === 'legacy_encoding');
    expect(legacy?.fix?.value).toBe('CĐCS Trường THCS Lê Lợi');
  });

  it('gives a realistic mix of Đạt and Chưa đạt', () => {
    const all = PRESETS.flatMap((set) => {
      const out = checkSheet(sampleWorkbook(set, { units: 300, year: 2024, seed: 1, years: multiYears(set) }).grid, { targetSet: set, year: 2024 });
      return out.ok ? out.value.indicators.map((i) => i.status) : [];
    });
    const dat = all.filter((x) => x === 'DAT').length;
    const chua = all.filter((x) => x === 'CHUA_DAT').length;
    expect(dat).toBeGreaterThan(all.length / 5);
    expect(chua).toBeGreaterThan(all.length / 5);
  });

  it('works with the built-in set bd-cdvc-2024', () => {
    const set = findPreset('bd-cdvc-2024')!;
    const s = sampleWorkbook(set, { units: 40, year: 2024, seed: 2024, mistakes: true, title: true });
    expect(s.grid.rows[0][0]).toBe('LIÊN ĐOÀN LAO ĐỘNG TỈNH BÌNH ĐỊNH');
    expect(s.grid.rows[3].slice(0, 5)).toEqual(['STT', 'Mã đơn vị', 'Tên đơn vị', 'Khu vực', 'Năm']);
    // No tong_so_ld in this set: the part that exceeds is dv_sang_kien > so_dv.
    expect(s.mistakes.find((m) => m.rule === 'exceeds_total')?.column).toBe('dv_sang_kien');
    expect(s.mistakes.map((m) => m.rule)).toEqual(
      expect.arrayContaining(['legacy_encoding', 'none', 'invalid_choice', 'not_a_number', 'exceeds_total', 'required_missing', 'duplicate_unit', 'formula_error', 'unknown_column', 'total_row_mismatch']),
    );
  });

  it('generates 100 000 units', () => {
    const s = sampleWorkbook(findPreset('bt-ldld-2024')!, { units: 100_000, year: 2024, seed: 3 });
    expect(s.grid.rows.length).toBeGreaterThanOrEqual(100_001);
    expect(s.grid.rows[100_000][1]).toBe('CD100000');
  });
});
