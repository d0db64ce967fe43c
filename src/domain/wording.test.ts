import { findPreset } from './presets';
import type { CheckResult } from './result';
import { forAudience, forCli, GO, resultFor } from './wording';

describe('wording for the pane and the command line', () => {
  it('the pane reads the messages as written; the command line gets its commands', () => {
    const msg = `Hãy dùng ${GO.template}.`;
    expect(msg).toBe('Hãy dùng mẫu nhập liệu (nút "Tạo mẫu nhập liệu").');
    expect(forAudience(msg, 'pane')).toBe(msg);
    expect(forAudience(msg, undefined)).toBe(msg);
    expect(forCli(msg)).toBe('Hãy dùng mẫu nhập liệu (lệnh chitieu template --preset ID --out TỆP.xlsx).');
    // No automatic fix on the command line: the alternative is dropped, the sentence still ends.
    expect(forCli(`Hãy gõ lại bằng Unicode${GO.autoFix}.`)).toBe('Hãy gõ lại bằng Unicode.');
    expect(forCli(`Hãy ${GO.chooseSet}.`)).toBe('Hãy chọn một bộ có sẵn (--preset ID, xem "chitieu presets").');
    expect(forCli(`Nếu không đúng, ${GO.setYear}.`)).toBe('Nếu không đúng, thêm --year NĂM vào lệnh (ví dụ --year 2024).');
    expect(forCli(`hãy ${GO.copySet} rồi sửa.`)).toBe('hãy tạo lại sheet từ một bộ có sẵn (lệnh chitieu template --preset ID --out TỆP.xlsx) rồi sửa.');
  });

  it('resultFor rewrites problems, the year note and the hint; untouched problems stay the same objects', () => {
    const plain = { rule: 'required', severity: 'error', sheet: 'S', cell: 'A2', row: 2, col: 0, message: 'Ô A2: thiếu mã.' };
    const legacy = { ...plain, rule: 'legacy_encoding', severity: 'warning', message: `Ô D2: "Cã" … Hãy gõ lại bằng Unicode${GO.autoFix}.` };
    const result = {
      targetSet: findPreset('bd-cdvc-2024')!,
      problems: [plain, legacy],
      yearNote: `Chương trình tạm tính cho năm nay (2026). Hãy chọn năm báo cáo: ${GO.setYear}.`,
      targetSetHint: { setId: 'bd-cdvc-2024', missing: 5, needed: 8, message: `Bảng thiếu 5/8 cột (so với ${GO.template}).` },
    } as unknown as CheckResult;
    expect(resultFor(result, 'pane')).toBe(result);
    const cli = resultFor(result, 'cli');
    expect(cli.problems[0]).toBe(plain);
    expect(cli.problems[1].message).toBe('Ô D2: "Cã" … Hãy gõ lại bằng Unicode.');
    expect(cli.yearNote).toBe('Chương trình tạm tính cho năm nay (2026). Hãy chọn năm báo cáo: thêm --year NĂM vào lệnh (ví dụ --year 2024).');
    expect(cli.targetSetHint?.message).toBe('Bảng thiếu 5/8 cột (so với mẫu nhập liệu (lệnh chitieu template --preset ID --out TỆP.xlsx)).');
    expect(result.problems[1]).toBe(legacy); // the input is not changed
  });
});
