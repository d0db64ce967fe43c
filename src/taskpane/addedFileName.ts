/**
 * The download name of the chosen file once the pane added a sheet to it (browser mode):
 * `<tên tệp>-<what>.xlsx`, so the download never takes the original's name.
 *
 * @example
 * addedFileName('Số liệu 2024.xlsx', 'danh-ba') // 'Số liệu 2024-danh-ba.xlsx'
 */
export function addedFileName(name: string, what: string): string {
  return `${name.replace(/\.xlsx$/i, '') || 'so-lieu'}-${what}.xlsx`;
}
