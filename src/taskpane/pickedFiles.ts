/**
 * Files the user picked or dropped in the pane: the order they are imported in, and their bytes.
 */

const collator = new Intl.Collator('vi', { numeric: true });

/** The name without its extension, so "bao-cao-3.xlsx" sorts before "bao-cao-3-sua.xlsx". */
function stem(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

/**
 * The files in file-name order, as `chitieu merge` reads a folder: a file dialog hands files over
 * in an order that depends on the system and on the order of clicks, and a drop in none at all,
 * while "a later file replaces an earlier one" needs an order the user can see and predict.
 *
 * @example
 * byFileName([{ name: 'cd-10.xlsx' }, { name: 'cd-9.xlsx' }]) // cd-9.xlsx, cd-10.xlsx
 */
export function byFileName<T extends { readonly name: string }>(files: readonly T[]): T[] {
  return [...files].sort((a, b) => collator.compare(stem(a.name), stem(b.name)) || collator.compare(a.name, b.name));
}

/**
 * The bytes of a picked file. `Blob.arrayBuffer()` where the webview has it; FileReader where it
 * does not (Safari before 14, which older Excel for Mac uses, and jsdom in the tests).
 */
export function fileBytes(file: Blob): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === 'function') return file.arrayBuffer().then((b) => new Uint8Array(b));
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('FileReader failed'));
    reader.readAsArrayBuffer(file);
  });
}
