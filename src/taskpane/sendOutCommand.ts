/**
 * The command line that makes the same returns as "Tạo mẫu gửi CĐCS", for hosts where the pane
 * cannot download a .zip reliably (Excel on Windows, Mac and the web): the exact words to type,
 * with the workbook's own file name, the chosen set and the year.
 */

/** What the command needs to know. */
export interface SendOutCommandInput {
  /** The workbook's file name; undefined for a workbook never saved (a placeholder is used). */
  readonly fileName?: string;
  /** The placeholder for an unsaved workbook, in the pane's language. */
  readonly unsavedName: string;
  /** The built-in set's id; undefined when the pane uses the workbook's `Chỉ tiêu` sheet. */
  readonly presetId?: string;
  /** Used when presetId is undefined: the command line needs a built-in set. */
  readonly fallbackPresetId: string;
  readonly year: number;
}

/** A file or folder name as one argument for cmd.exe, PowerShell and sh alike: quoted when it has to be. */
export function shellArg(value: string): string {
  return /^[\w.\-/\\:]+$/.test(value) ? value : `"${value.replace(/"/g, '')}"`;
}

/**
 * The command and the folder it writes. `--register` takes the workbook itself: send-out reads
 * its `Danh bạ CĐCS` sheet, or else its data table (a table naming Mã and Tên đơn vị is a register).
 *
 * @example
 * sendOutCommand({ fileName: 'Tong hop 2025.xlsx', unsavedName: 'TEN-TEP.xlsx', presetId: 'bd-cdvc-2024', fallbackPresetId: 'bd-cdvc-2024' year: 2026 })
 * // { text: 'npx chitieu send-out --register "Tong hop 2025.xlsx" --preset bd-cdvc-2024 --year 2026 --out mau-gui-cdcs-2026', dir: 'mau-gui-cdcs-2026' }
 */
export function sendOutCommand(input: SendOutCommandInput): { text: string; dir: string } {
  const file = shellArg(input.fileName ?? input.unsavedName);
  const dir = `mau-gui-cdcs-${input.year}`;
  const preset = input.presetId ?? input.fallbackPresetId;
  return { text: `npx chitieu send-out --register ${file} --preset ${preset} --year ${input.year} --out ${dir}`, dir };
}
