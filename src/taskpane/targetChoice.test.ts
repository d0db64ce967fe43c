import { PRESETS } from '../domain/presets';
import { choiceSet, initialChoice, presetOptionText, SHEET_CHOICE } from './targetChoice';

describe('target set choice', () => {
  it('reads "<id> — <document number>"', () => {
    expect(PRESETS.map(presetOptionText)).toEqual([
      'bd-cdvc-2024 — 06/CTr-CĐVC',
      'bd-cdvc-nq02 — KH thực hiện NQ 02-NQ/TW',
      'bt-ldld-2024 — 02/CTr-LĐLĐ',
      'cdgd-ct1-2024 — 348/QĐ-CĐN',
      'hy-cdgd-nq02 — 04/CTrHĐ-CĐN',
    ]);
  });

  it("starts on the workbook's own sheet when it has one, else keeps the user's set", () => {
    expect(initialChoice(['Số liệu', 'Chỉ tiêu'], 'bt-ldld-2024')).toBe(SHEET_CHOICE);
    expect(initialChoice(['Số liệu'], 'bt-ldld-2024')).toBe('bt-ldld-2024');
    expect(initialChoice(['Số liệu'], SHEET_CHOICE)).toBe('bd-cdvc-2024');
    expect(initialChoice([])).toBe('bd-cdvc-2024');
  });

  it('maps the sheet choice to no set (runCheck then reads the sheet)', () => {
    expect(choiceSet(SHEET_CHOICE)).toBeUndefined();
    expect(choiceSet('bd-cdvc-2024')?.documentNumber).toBe('06/CTr-CĐVC');
  });
});
