import { sendOutCommand, shellArg } from './sendOutCommand';

describe('sendOutCommand', () => {
  it('reads the register from the saved workbook, quoting a name with spaces', () => {
    expect(
      sendOutCommand({ fileName: 'Tổng hợp 2025.xlsx', unsavedName: 'TEN-TEP.xlsx', presetId: 'bd-cdvc-2024', fallbackPresetId: 'x', year: 2026, hasRegister: true }),
    ).toEqual({ text: 'npx chitieu send-out --register "Tổng hợp 2025.xlsx" --preset bd-cdvc-2024 --year 2026 --out mau-gui-2026', dir: 'mau-gui-2026' });
  });

  it('without a register sheet, makes one from the table first; an unsaved workbook gets the placeholder; the sheet choice names the fallback set', () => {
    expect(sendOutCommand({ unsavedName: 'TEN-TEP.xlsx', fallbackPresetId: 'hy-cdgd-nq02', year: 2025, hasRegister: false }).text).toBe(
      'npx chitieu register --from TEN-TEP.xlsx --out danh-ba-2025.xlsx\nnpx chitieu send-out --register danh-ba-2025.xlsx --preset hy-cdgd-nq02 --year 2025 --out mau-gui-2025',
    );
  });

  it('drops double quotes a shell could not take inside quotes', () => {
    expect(shellArg('Báo cáo "mới".xlsx')).toBe('"Báo cáo mới.xlsx"');
    expect(shellArg('tong-hop_2025.xlsx')).toBe('tong-hop_2025.xlsx');
  });
});
