import { sendOutCommand, shellArg } from './sendOutCommand';

describe('sendOutCommand', () => {
  it('takes the register from the saved workbook itself, quoting a name with spaces', () => {
    expect(
      sendOutCommand({ fileName: 'Tổng hợp 2025.xlsx', unsavedName: 'TEN-TEP.xlsx', presetId: 'bd-cdvc-2024', fallbackPresetId: 'x', year: 2026 }),
    ).toEqual({ text: 'npx chitieu send-out --register "Tổng hợp 2025.xlsx" --preset bd-cdvc-2024 --year 2026 --out mau-gui-cdcs-2026', dir: 'mau-gui-cdcs-2026' });
  });

  it('an unsaved workbook gets the placeholder; the sheet choice names the fallback set', () => {
    expect(sendOutCommand({ unsavedName: 'TEN-TEP.xlsx', fallbackPresetId: 'hy-cdgd-nq02', year: 2025 }).text).toBe(
      'npx chitieu send-out --register TEN-TEP.xlsx --preset hy-cdgd-nq02 --year 2025 --out mau-gui-cdcs-2025',
    );
  });

  it('drops double quotes a shell could not take inside quotes', () => {
    expect(shellArg('Báo cáo "mới".xlsx')).toBe('"Báo cáo mới.xlsx"');
    expect(shellArg('tong-hop_2025.xlsx')).toBe('tong-hop_2025.xlsx');
  });
});
