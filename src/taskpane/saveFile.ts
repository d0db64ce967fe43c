/**
 * Offers bytes as a download through an `<a download>` on a blob URL: the file never leaves the
 * machine, and the name is ours rather than the browser's guess.
 */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The send-out's archive of returns. */
export const ZIP_TYPE = 'application/zip';

/** Starts the download of `bytes` as `name` (an .xlsx unless `type` says otherwise). */
export function saveFile(bytes: Uint8Array, name: string, type: string = XLSX_TYPE): void {
  // A copy typed on a plain ArrayBuffer (Blob refuses views that might be on shared memory).
  const url = URL.createObjectURL(new Blob([new Uint8Array(bytes)], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in some browsers; a minute is plenty.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
