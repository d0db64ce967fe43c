import { HTT_PLUS, XL_KHT } from './catalog';
import type { RawCell } from './grid';
import { findPreset, PRESETS } from './presets';
import type { Indicator, TargetSet } from './targetSet';
import { readTargetSheet, TARGET_SHEET_NAME, targetSetToRows, targetSheetLayout, type TargetSheetProblem } from './targetSheet';

type Rows = RawCell[][];

/** The table's columns in the order an older version wrote them (Mã first, Mục tiêu in column O). */
const OLD_ORDER = [
  'Mã',
  'Chỉ tiêu',
  'Diễn giải',
  'Loại',
  'Tử số / Cột',
  'Mẫu số / Cột cuối',
  'Giá trị điều kiện',
  'Ngưỡng mỗi đơn vị',
  'Theo đơn vị',
  'Cấp',
  'Khu vực',
  'Chỉ tính khi',
  'Từ năm',
  'Đến năm',
  'Mục tiêu',
  'Kết quả nhập tay',
  'Đơn vị tính',
];

/**
 * A `Chỉ tiêu` sheet as an older version wrote it, which workbooks in use still have: metadata
 * in A:B from row 1 (with `Nguồn` naming the seed file), the instruction, a blank row, then the
 * table in OLD_ORDER from row 13. The indicator cells are today's, moved by header.
 */
function oldRows(set: TargetSet): Rows {
  const layout = targetSheetLayout(set);
  const header = layout.rows[layout.headerRow - 1];
  const meta: Rows = [
    ['Mã bộ chỉ tiêu', set.id],
    ['Tên chương trình', set.title],
    ['Văn bản', set.document],
    ['Số hiệu', set.documentNumber],
    ['Cơ quan ban hành', set.issuer],
    ['Cơ quan cấp trên', set.parentIssuer ?? null],
    ['Địa danh', set.place ?? null],
    ['Mục', set.section ?? null],
    ['Nguồn', set.source ?? null],
    ['Mốc thời gian', set.milestones?.join('; ') ?? null],
    ['Hướng dẫn', 'Có thể: sửa cột Mục tiêu (ví dụ ≥ 90%, > 95%, ≤ 0, 90%–95%, ≥ 9.000); xóa cả dòng chỉ tiêu không dùng.'],
    [],
  ];
  const table = layout.rows.slice(layout.headerRow).map((r) => OLD_ORDER.map((h) => r[header.indexOf(h)] ?? null));
  return [...meta, [...OLD_ORDER], ...table];
}

function rowsOf(id: string): Rows {
  return oldRows(findPreset(id)!);
}

/** A built-in set without its seed file name, which the new sheet does not write. */
function withoutSource(set: TargetSet): TargetSet {
  const copy: { -readonly [K in keyof TargetSet]?: TargetSet[K] } = { ...set };
  delete copy.source;
  return copy as TargetSet;
}

function read(rows: Rows) {
  return readTargetSheet({ name: TARGET_SHEET_NAME, rows });
}

function readOk(rows: Rows): TargetSet {
  const r = read(rows);
  if (!r.ok) throw new Error(JSON.stringify(r.problems, null, 2));
  return r.value;
}

function problemsOf(rows: Rows): TargetSheetProblem[] {
  const r = read(rows);
  if (r.ok) throw new Error('expected problems');
  return r.problems;
}

/** 0-based row index of the table header and 0-based column of a header text. */
function headerAt(rows: Rows): number {
  return rows.findIndex((r) => r.includes('Mã') && r.includes('Loại'));
}
function col(rows: Rows, header: string): number {
  return rows[headerAt(rows)].indexOf(header);
}
function rowOf(rows: Rows, id: string): number {
  const c = col(rows, 'Mã');
  return rows.findIndex((r, i) => i > headerAt(rows) && r[c] === id);
}
function setCell(rows: Rows, id: string, header: string, value: RawCell): void {
  rows[rowOf(rows, id)][col(rows, header)] = value;
}
function indicator(set: TargetSet, id: string): Indicator | undefined {
  return set.indicators.find((i) => i.id === id);
}

describe('targetSetToRows (the sheet the template writes)', () => {
  it('a title naming the document, metadata in B:C without the seed file, the instruction, then STT, Chỉ tiêu, Mục tiêu first', () => {
    const rows = targetSetToRows(findPreset('bd-cdvc-2024')!) as Rows;
    expect(rows[0]).toEqual(['Chỉ tiêu theo Chương trình số 06/CTr-CĐVC ngày 16/9/2024']);
    expect(rows[1]).toEqual([]);
    // bd-cdvc-2024 has no milestones: that row is left out; the seed file (Nguồn) is never written.
    expect(rows.slice(2, 11)).toEqual([
      [null, 'Tên chương trình', findPreset('bd-cdvc-2024')!.title],
      [null, 'Văn bản', 'Chương trình số 06/CTr-CĐVC ngày 16/9/2024'],
      [null, 'Số hiệu', '06/CTr-CĐVC'],
      [null, 'Cơ quan ban hành', 'CÔNG ĐOÀN VIÊN CHỨC TỈNH BÌNH ĐỊNH'],
      [null, 'Cơ quan cấp trên', 'LIÊN ĐOÀN LAO ĐỘNG TỈNH BÌNH ĐỊNH'],
      [null, 'Địa danh', 'Bình Định'],
      [null, 'Mục', 'mục II'],
      [null, 'Mã bộ chỉ tiêu', 'bd-cdvc-2024'],
      [null, 'Hướng dẫn', expect.stringContaining('Sửa cột Mục tiêu (ô nền vàng)')],
    ]);
    expect(JSON.stringify(rows)).not.toContain('.txt');
    expect(rows[11]).toEqual([]);
    // No manual indicator: Kết quả nhập tay goes with the technical columns.
    expect(rows[12]).toEqual([
      'STT',
      'Chỉ tiêu',
      'Mục tiêu',
      'Diễn giải',
      'Mã',
      'Loại',
      'Tử số / Cột',
      'Mẫu số / Cột cuối',
      'Giá trị điều kiện',
      'Ngưỡng mỗi đơn vị',
      'Theo đơn vị',
      'Cấp',
      'Khu vực',
      'Chỉ tính khi',
      'Từ năm',
      'Đến năm',
      'Kết quả nhập tay',
      'Đơn vị tính',
    ]);
    expect(rows).toHaveLength(13 + 8);
    expect(rows.slice(13).map((r) => r[0])).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('a set with a manual indicator shows Kết quả nhập tay after Mục tiêu; milestones are written', () => {
    const bt = targetSheetLayout(findPreset('bt-ldld-2024')!);
    expect(bt.rows[bt.headerRow - 1].slice(0, 5)).toEqual(['STT', 'Chỉ tiêu', 'Mục tiêu', 'Kết quả nhập tay', 'Diễn giải']);
    expect(bt.columns.filter((c) => !c.technical).map((c) => c.field)).toEqual(['stt', 'label', 'target', 'manualValue', 'description']);
    const cd = targetSheetLayout(findPreset('cdgd-ct1-2024')!);
    expect(cd.metaRows.map((r) => cd.rows[r - 1][1])).toContain('Mốc thời gian');
    expect(cd.rows.find((r) => r[1] === 'Mốc thời gian')).toEqual([null, 'Mốc thời gian', 'Sơ kết: quý 3/2026; Tổng kết: quý 3/2028']);
  });

  it('writes each kind in its columns', () => {
    const layout = targetSheetLayout(findPreset('bd-cdvc-2024')!);
    const rows = layout.rows as Rows;
    const at = (rs: Rows, id: string, header: string) => rs[rowOf(rs, id)][col(rs, header)];
    const pick = (rs: Rows, id: string, headers: string[]) => headers.map((h) => at(rs, id, h));
    expect(pick(rows, 'sang_kien_15', ['STT', 'Chỉ tiêu', 'Mục tiêu', 'Loại', 'Tử số / Cột', 'Mẫu số / Cột cuối', 'Giá trị điều kiện', 'Ngưỡng mỗi đơn vị', 'Theo đơn vị', 'Cấp'])).toEqual([
      6, // co_ke_hoach, dang_ky_thi_dua, khong_kht, bao_phu_dv, phat_dong_cds, then sang_kien_15
      'ĐV đăng ký sáng kiến ≥ 15%',
      '≥ 100%',
      'Tỷ lệ đơn vị đạt ngưỡng (unit_threshold)',
      'dv_sang_kien',
      'so_dv',
      null,
      '≥ 15%',
      null,
      'CĐCS',
    ]);
    expect(pick(rows, 'khong_kht', ['Loại', 'Tử số / Cột', 'Giá trị điều kiện', 'Mục tiêu'])).toEqual(['Số đơn vị (unit_count)', 'xep_loai', XL_KHT, '≤ 0']);
    expect(at(rows, 'bao_phu_dv', 'Theo đơn vị')).toBe('Có');

    const hy = targetSetToRows(findPreset('hy-cdgd-nq02')!) as Rows;
    expect(pick(hy, 'ket_nap_2021_2023', ['Loại', 'Tử số / Cột', 'Từ năm', 'Đến năm', 'Mục tiêu'])).toEqual(['Tổng (sum)', 'dv_ket_nap_moi', 2021, 2023, '≥ 120']);
    expect(pick(hy, 'htt_nnn', ['Giá trị điều kiện', 'Cấp', 'Khu vực'])).toEqual([HTT_PLUS.join('; '), 'CĐCS', 'Ngoài nhà nước']);
    expect(at(hy, 'tuldtt_nnn', 'Mục tiêu')).toBe('đến 2023: ≥ 100%; đến 2025: ≥ 80%; đến 2030: ≥ 85%; đến 2045: ≥ 99%');
    expect(at(hy, 'cap_tren_htt', 'Cấp')).toBe('CĐ cấp trên');
    expect(at(hy, 'cong_khai_tc', 'Cấp')).toBe('Tất cả');

    const bt = targetSetToRows(findPreset('bt-ldld-2024')!) as Rows;
    expect(pick(bt, 'phan_bien', ['Loại', 'Mục tiêu', 'Kết quả nhập tay', 'Đơn vị tính'])).toEqual(['Nhập tay (manual)', '≥ 1', null, 'cuộc']);
    expect(at(bt, 'tuyen_truyen', 'Mục tiêu')).toBe('90%–95%');
    expect(at(bt, 'phat_trien_dv', 'Mục tiêu')).toBe('≥ 9.000');
  });
});

describe('round trip', () => {
  it.each(PRESETS.map((p) => [p.id, p] as const))('%s reads back equal (all but the seed file name)', (_id, p) => {
    const back = readOk(targetSetToRows(p) as Rows);
    expect(back).toEqual(withoutSource(p));
    // No key set to undefined anywhere: the same shape, key for key.
    expect(back).toStrictEqual(JSON.parse(JSON.stringify(withoutSource(p))));
  });

  it.each(PRESETS.map((p) => [p.id, p] as const))('%s in the older layout still reads back equal', (_id, p) => {
    const rows = oldRows(p);
    expect(rows[12][14]).toBe('Mục tiêu'); // column O, row 13, as the older sheets have it
    expect(readOk(rows)).toStrictEqual(JSON.parse(JSON.stringify(p)));
  });
});

describe('user edits', () => {
  it('takes a changed target cell', () => {
    const rows = rowsOf('bd-cdvc-2024');
    setCell(rows, 'dat_chuan_vh', 'Mục tiêu', '≥ 90%');
    setCell(rows, 'sang_kien_15', 'Ngưỡng mỗi đơn vị', 'ít nhất 20%');
    const set = readOk(rows);
    expect(indicator(set, 'dat_chuan_vh')?.target).toEqual({ comparator: '>=', value: { n: 9, d: 10 } });
    expect(indicator(set, 'sang_kien_15')).toMatchObject({ unitTarget: { comparator: '>=', value: { n: 1, d: 5 } } });
  });

  it('takes a number typed in Mục tiêu (0.9 is 90%, 9000 is nine thousand)', () => {
    const rows = rowsOf('bt-ldld-2024');
    setCell(rows, 'hoc_nghe_dn', 'Mục tiêu', 0.9);
    setCell(rows, 'don_thu', 'Mục tiêu', 95);
    setCell(rows, 'phat_trien_dv', 'Mục tiêu', 9500);
    setCell(rows, 'chu_ky_so', 'Mục tiêu', '3.200');
    const set = readOk(rows);
    expect(indicator(set, 'hoc_nghe_dn')?.target).toEqual({ comparator: '>=', value: { n: 9, d: 10 } });
    expect(indicator(set, 'don_thu')?.target).toEqual({ comparator: '>=', value: { n: 19, d: 20 } });
    expect(indicator(set, 'phat_trien_dv')?.target).toEqual({ comparator: '>=', value: { n: 9500, d: 1 } });
    expect(indicator(set, 'chu_ky_so')?.target).toEqual({ comparator: '>=', value: { n: 3200, d: 1 } });
  });

  it('drops a deleted row, and a row deleted by clearing it', () => {
    const rows = rowsOf('bd-cdvc-2024');
    rows.splice(rowOf(rows, 'dang_ky_vh'), 1);
    rows[rowOf(rows, 'phat_dong_cds')] = [];
    const set = readOk(rows);
    expect(set.indicators.map((i) => i.id)).toEqual([
      'co_ke_hoach',
      'dang_ky_thi_dua',
      'khong_kht',
      'bao_phu_dv',
      'sang_kien_15',
      'dat_chuan_vh',
    ]);
  });

  it('adds a sum line, and other kinds typed by hand', () => {
    const rows = rowsOf('bd-cdvc-2024');
    const header = rows[headerAt(rows)] as string[];
    const line = (cells: Record<string, RawCell>): RawCell[] => header.map((h) => cells[h] ?? null);
    rows.push(
      [],
      line({ Mã: 'ket_nap_moi', 'Chỉ tiêu': 'Đoàn viên kết nạp mới', Loại: 'sum', 'Tử số / Cột': 'dv_ket_nap_moi', 'Mục tiêu': '≥ 500' }),
      line({
        Mã: 'htt_nn',
        Loại: 'ty le don vi',
        'Tử số / Cột': 'Xếp loại',
        'Giá trị điều kiện': 'htt, HTXS',
        'Khu vực': 'nha nuoc',
        'Mục tiêu': 'trên 80%',
      }),
      line({
        Mã: 'giam_ngheo',
        Loại: 'Mức giảm',
        'Tử số / Cột': 'ho_ngheo_dau_ky',
        'Mẫu số / Cột cuối': 'ho_ngheo_cuoi_ky',
        Cấp: 'tat ca',
        'Từ năm': '2024',
        'Đến năm': 2025,
        'Mục tiêu': 'từ 6 đến 10%',
      }),
      line({ Mã: 'hoi_thao', 'Chỉ tiêu': 'Hội thảo', Loại: 'Nhập tay', 'Mục tiêu': 'ít nhất 2 cuộc', 'Kết quả nhập tay': 3, 'Đơn vị tính': 'cuộc' }),
    );
    const set = readOk(rows);
    expect(set.indicators).toHaveLength(12);
    expect(indicator(set, 'ket_nap_moi')).toEqual({
      id: 'ket_nap_moi',
      kind: 'sum',
      column: 'dv_ket_nap_moi',
      label: 'Đoàn viên kết nạp mới',
      scope: {},
      target: { comparator: '>=', value: { n: 500, d: 1 } },
    });
    expect(indicator(set, 'htt_nn')).toEqual({
      id: 'htt_nn',
      kind: 'unit_share',
      condition: { column: 'xep_loai', values: HTT_PLUS },
      label: 'htt_nn',
      scope: { sector: 'Nhà nước' },
      target: { comparator: '>', value: { n: 4, d: 5 } },
    });
    expect(indicator(set, 'giam_ngheo')).toEqual({
      id: 'giam_ngheo',
      kind: 'reduction',
      start: 'ho_ngheo_dau_ky',
      end: 'ho_ngheo_cuoi_ky',
      label: 'giam_ngheo',
      scope: { level: 'all', years: [2024, 2025] },
      target: { comparator: '>=', value: { n: 3, d: 50 }, upper: { n: 1, d: 10 } },
    });
    expect(indicator(set, 'hoi_thao')).toEqual({
      id: 'hoi_thao',
      kind: 'manual',
      value: 3,
      unitLabel: 'cuộc',
      label: 'Hội thảo',
      scope: {},
      target: { comparator: '>=', value: { n: 2, d: 1 } },
    });
  });

  it('reads the table whatever the column order, and metadata wherever it is', () => {
    const p = findPreset('hy-cdgd-nq02')!;
    const rows = oldRows(p);
    const h = headerAt(rows);
    const order = rows[h].map((_, i) => i).reverse();
    const table = rows.slice(h).map((r) => order.map((i) => (r[i] === undefined ? null : r[i])));
    // Metadata shuffled, moved one column right, with a title row and blank rows added.
    const meta = rows.slice(0, 10).reverse().map((r) => [null, ...r]);
    const moved: Rows = [['CHỈ TIÊU CHƯƠNG TRÌNH'], ...meta, [], [], ...table.slice(0, 3), [], ...table.slice(3)];
    expect(readOk(moved)).toEqual(p);
  });

  it('accepts the kind by Vietnamese name or code, without diacritics or case', () => {
    const rows = rowsOf('bd-cdvc-2024');
    setCell(rows, 'co_ke_hoach', 'Loại', 'unit_share');
    setCell(rows, 'khong_kht', 'Loại', 'SO DON VI');
    setCell(rows, 'khong_kht', 'Giá trị điều kiện', 'không hoàn thành');
    setCell(rows, 'bao_phu_dv', 'Loại', 'tỉ lệ');
    setCell(rows, 'bao_phu_dv', 'Theo đơn vị', true);
    expect(readOk(rows)).toEqual(findPreset('bd-cdvc-2024'));
  });

  it('accepts "HTT trở lên" for the two best ratings', () => {
    const rows = rowsOf('cdgd-ct1-2024');
    setCell(rows, 'htt_nn', 'Giá trị điều kiện', 'Hoàn thành tốt nhiệm vụ trở lên');
    setCell(rows, 'htt_nnn', 'Giá trị điều kiện', 'HTT+');
    expect(readOk(rows)).toEqual(findPreset('cdgd-ct1-2024'));
  });

  it('gives a set without metadata a default id', () => {
    const rows = rowsOf('cdgd-ct1-2024').slice(12);
    const set = readOk(rows);
    expect(set).toMatchObject({ id: 'tuy-chinh', title: '', document: '', documentNumber: '', issuer: '' });
    expect(set.indicators).toHaveLength(5);
    expect('milestones' in set).toBe(false);
  });
});

describe('problems', () => {
  it('names the cell of a garbage kind, in Vietnamese', () => {
    const rows = rowsOf('bd-cdvc-2024');
    setCell(rows, 'dang_ky_vh', 'Loại', 'abc xyz');
    const problems = problemsOf(rows);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'unknown_kind', cell: 'D20' });
    expect(problems[0].message).toContain('Không hiểu loại chỉ tiêu "abc xyz"');
    expect(problems[0].message).toContain('Tổng (sum)');
  });

  it('reports a bad target with examples', () => {
    const rows = rowsOf('bt-ldld-2024');
    setCell(rows, 'phat_trien_dv', 'Mục tiêu', '15%');
    setCell(rows, 'hoc_nghe_dn', 'Mục tiêu', 'nhiều');
    const problems = problemsOf(rows);
    expect(problems.map((p) => [p.code, p.cell])).toEqual([
      ['bad_target', 'O15'],
      ['bad_target', 'O16'],
    ]);
    expect(problems[0].message).toContain('nhiều');
    expect(problems[1].message).toContain('bỏ dấu %');
  });

  it('reports unknown and unfit columns, unknown choice values, duplicate ids', () => {
    const rows = rowsOf('bd-cdvc-nq02');
    setCell(rows, 'uu_dai', 'Tử số / Cột', 'so_dv_uu_dai_xyz');
    setCell(rows, 'vhtt', 'Mẫu số / Cột cuối', 'cong_khai_tc');
    setCell(rows, 'htt_tro_len', 'Giá trị điều kiện', 'Vững mạnh');
    setCell(rows, 'kiem_tra_tc', 'Mã', 'cong_khai_tc');
    setCell(rows, 'gioi_thieu_dang', 'Chỉ tính khi', 'so_dv');
    const problems = problemsOf(rows);
    expect(problems.map((p) => [p.code, p.cell])).toEqual([
      ['unknown_column', 'E17'],
      ['unfit_column', 'F19'],
      ['unfit_column', 'L21'],
      ['unknown_value', 'G22'],
      ['duplicate_id', 'A26'],
    ]);
    expect(problems[0].message).toContain('Không có cột "so_dv_uu_dai_xyz"');
    expect(problems[1].message).toContain('cong_khai_tc');
    expect(problems[3].message).toContain('Hoàn thành tốt nhiệm vụ');
    expect(problems[4].message).toContain('A25');
  });

  it('reports missing fields and bad years', () => {
    const rows = rowsOf('hy-cdgd-nq02');
    setCell(rows, 'ket_nap_2021_2023', 'Đến năm', null);
    setCell(rows, 'ket_nap_2021_2025', 'Từ năm', 'năm ngoái');
    setCell(rows, 'hoc_tap', 'Mục tiêu', '');
    setCell(rows, 'uu_dai', 'Loại', null);
    const problems = problemsOf(rows);
    expect(problems.map((p) => [p.code, p.cell])).toEqual([
      ['missing_field', 'O14'],
      ['missing_field', 'D21'],
      ['missing_field', 'N26'],
      ['bad_value', 'M27'],
    ]);
    for (const p of problems) expect(p.message).toMatch(/[ĐđTtGgKkMm]/);
  });

  it('reports a sheet without a table', () => {
    expect(problemsOf([['Mã bộ chỉ tiêu', 'x'], ['ghi chú']])).toEqual([
      expect.objectContaining({ code: 'no_table', cell: 'A1' }),
    ]);
  });

  it('reports a table without lines', () => {
    const rows = rowsOf('bd-cdvc-2024').slice(0, 13);
    expect(problemsOf(rows)).toEqual([expect.objectContaining({ code: 'empty_table', cell: 'A14' })]);
  });

  it('reports a table without a Mục tiêu column', () => {
    const rows = rowsOf('bd-cdvc-2024');
    const c = col(rows, 'Mục tiêu');
    for (const r of rows.slice(12)) r.splice(c, 1);
    const problems = problemsOf(rows);
    expect(problems[0]).toMatchObject({ code: 'missing_column', cell: 'Q13' });
  });
});

describe('editing a target (indicators.md, "Editing a target")', () => {
  /** The A1 address of an indicator's cell, from the rows the test built. */
  const cellOf = (rows: Rows, id: string, header: string) => `${String.fromCharCode(65 + col(rows, header))}${rowOf(rows, id) + 1}`;

  it('a bare number typed over ≤ 0 keeps ≤ (as a number or as text)', () => {
    const rows = rowsOf('bd-cdvc-2024');
    setCell(rows, 'khong_kht', 'Mục tiêu', 0);
    expect(indicator(readOk(rows), 'khong_kht')?.target).toEqual({ comparator: '<=', value: { n: 0, d: 1 } });
    setCell(rows, 'khong_kht', 'Mục tiêu', '2');
    expect(indicator(readOk(rows), 'khong_kht')?.target).toEqual({ comparator: '<=', value: { n: 2, d: 1 } });
  });

  it('a bare number typed over ≥ 95% keeps ≥ and the percent: 90 → ≥ 90%', () => {
    const rows = rowsOf('bd-cdvc-2024');
    setCell(rows, 'dat_chuan_vh', 'Mục tiêu', 90);
    setCell(rows, 'dang_ky_vh', 'Mục tiêu', '90');
    const set = readOk(rows);
    expect(indicator(set, 'dat_chuan_vh')?.target).toEqual({ comparator: '>=', value: { n: 9, d: 10 } });
    expect(indicator(set, 'dang_ky_vh')?.target).toEqual({ comparator: '>=', value: { n: 9, d: 10 } });
  });

  it('keeps > for "> 95%" (bd-cdvc-nq02 hoc_tap_dv): 97 → > 97%', () => {
    const rows = rowsOf('bd-cdvc-nq02');
    setCell(rows, 'hoc_tap_dv', 'Mục tiêu', 97);
    expect(indicator(readOk(rows), 'hoc_tap_dv')?.target).toEqual({ comparator: '>', value: { n: 97, d: 100 } });
  });

  it('a comparator typed explicitly wins', () => {
    const rows = rowsOf('bd-cdvc-2024');
    setCell(rows, 'khong_kht', 'Mục tiêu', '≥ 1');
    setCell(rows, 'dat_chuan_vh', 'Mục tiêu', 'không quá 5%');
    const set = readOk(rows);
    expect(indicator(set, 'khong_kht')?.target).toEqual({ comparator: '>=', value: { n: 1, d: 1 } });
    expect(indicator(set, 'dat_chuan_vh')?.target).toEqual({ comparator: '<=', value: { n: 1, d: 20 } });
  });

  it('the threshold of a unit_threshold line keeps its direction too: 20 → ≥ 20%', () => {
    const rows = rowsOf('bd-cdvc-2024');
    setCell(rows, 'sang_kien_15', 'Ngưỡng mỗi đơn vị', 20);
    expect(indicator(readOk(rows), 'sang_kien_15')).toMatchObject({ unitTarget: { comparator: '>=', value: { n: 1, d: 5 } } });
  });

  it('a sheet of another id follows every built-in set that has the indicator', () => {
    const rows = rowsOf('bd-cdvc-2024');
    rows[0][1] = 'cua-toi';
    setCell(rows, 'khong_kht', 'Mục tiêu', 0); // khong_kht is ≤ 0 in bd-cdvc-2024 and bd-cdvc-nq02
    expect(indicator(readOk(rows), 'khong_kht')?.target).toEqual({ comparator: '<=', value: { n: 0, d: 1 } });
  });

  it('a bare 0 on a line no built-in set knows is a problem on its cell, never ≥ 0', () => {
    const rows = rowsOf('bd-cdvc-2024');
    rows[rowOf(rows, 'khong_kht')][col(rows, 'Mã')] = 'so_kht_moi';
    setCell(rows, 'so_kht_moi', 'Mục tiêu', 0);
    const problems = problemsOf(rows);
    expect(problems.map((p) => [p.code, p.cell])).toEqual([['bad_target', cellOf(rows, 'so_kht_moi', 'Mục tiêu')]]);
    expect(problems[0].message).toContain('gõ ≤ 0');
    // Typed with its comparator, it is read.
    setCell(rows, 'so_kht_moi', 'Mục tiêu', '≤ 0');
    expect(indicator(readOk(rows), 'so_kht_moi')?.target).toEqual({ comparator: '<=', value: { n: 0, d: 1 } });
  });

  it('a target the reader cannot understand is a problem on that cell', () => {
    const rows = rowsOf('bd-cdvc-2024');
    setCell(rows, 'khong_kht', 'Mục tiêu', 'ít thôi');
    const problems = problemsOf(rows);
    expect(problems.map((p) => [p.code, p.cell])).toEqual([['bad_target', cellOf(rows, 'khong_kht', 'Mục tiêu')]]);
  });
});
