/**
 * Opening an .xlsx: recognises the wrong kinds of file (old .xls, password-protected, macro
 * workbooks, other zips) before doing any work, and enforces the size limits.
 */
import { OpenError, Result, XlsxError, XlsxLimits, errorMessage, resolveLimits } from './limits';
import { XlsxPackage } from './pkg';
import { XlsxWorkbook } from './XlsxWorkbook';
import { contentTypeOf, parseContentTypes, parseRels, parseSheets, relTypeIs, relsPathFor, resolveTarget } from './workbookParts';
import { looksLikeZip, readZipDirectory } from './zip';

/** OLE compound file: legacy .xls, and also any password-protected (encrypted) .xlsx. */
const isOle = (b: Uint8Array): boolean => b.length >= 4 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

const fail = (code: OpenError['code'], limit?: number): { ok: false; error: OpenError } => ({
  ok: false,
  error: { code, message: errorMessage(code, { limit }) },
});

/**
 * Why the workbook's sheets give nothing to read, or undefined when at least one worksheet can
 * be read. Entries left without a relationship id (Excel sometimes leaves `r:id=""`) are ignored,
 * as the reader ignores them. A workbook listing no sheet at all opens (an empty workbook a plan
 * fills); one whose sheets are all chart sheets does not. Throws XlsxError on a malformed part.
 */
function sheetListProblem(pkg: XlsxPackage, wbPath: string): OpenError['code'] | undefined {
  const entries = parseSheets(pkg.text(wbPath)!).filter((s) => s.relId !== '');
  if (!entries.length) return undefined;
  const relsPath = relsPathFor(wbPath);
  const rels = parseRels(pkg.text(relsPath)).filter((r) => !r.external);
  const linked = entries.map((s) => rels.find((r) => r.id === s.relId)).filter((r) => r !== undefined);
  if (!linked.length) return 'no_sheet_links';
  const worksheets = linked.filter((r) => relTypeIs(r.type, 'worksheet'));
  if (!worksheets.length) return 'no_worksheets';
  return worksheets.some((r) => pkg.has(resolveTarget(wbPath, r.target))) ? undefined : 'corrupt';
}

/**
 * Opens an .xlsx from its bytes. Never throws: every unusable file gives an OpenError with a
 * Vietnamese message.
 */
export function openXlsx(bytes: Uint8Array, partialLimits?: Partial<XlsxLimits>): Result<XlsxWorkbook, OpenError> {
  const limits = resolveLimits(partialLimits);
  if (isOle(bytes)) return fail('encrypted_or_xls');
  if (!looksLikeZip(bytes)) return fail('not_zip');
  try {
    const entries = readZipDirectory(bytes);
    const pkg = new XlsxPackage(bytes, entries, limits);
    // Refuse on the declared sizes before inflating anything; real sizes are checked while inflating.
    if (pkg.declaredSize() > limits.maxUncompressedBytes) return fail('too_large', limits.maxUncompressedBytes);
    if (pkg.largestSheetSize() > limits.maxSheetBytes) return fail('too_large', limits.maxSheetBytes);
    if (entries.some((e) => /(^|[\\/])vbaproject\.bin$/i.test(e.name))) return fail('macro_enabled');
    const ctXml = pkg.text('[Content_Types].xml');
    if (ctXml === undefined) return fail('not_xlsx');
    const ct = parseContentTypes(ctXml);
    const office = parseRels(pkg.text('_rels/.rels')).find((r) => relTypeIs(r.type, 'officeDocument'));
    const wbPath = office ? resolveTarget('', office.target) : 'xl/workbook.xml';
    const wbType = contentTypeOf(ct, wbPath) ?? '';
    // .xlsb's type says "macroEnabled" whether or not it has macros: it is simply not .xlsx.
    if (!pkg.has(wbPath) || !/spreadsheetml|ms-excel/i.test(wbType) || /binary/i.test(wbType)) return fail('not_xlsx');
    if ([...ct.overrides.values(), ...ct.defaults.values()].some((t) => /macroEnabled|vbaProject/i.test(t))) {
      return fail('macro_enabled');
    }
    const problem = sheetListProblem(pkg, wbPath);
    if (problem) return fail(problem);
    return { ok: true, value: new XlsxWorkbook(pkg, limits, wbPath) };
  } catch (err) {
    if (err instanceof XlsxError) {
      const code = err.code === 'no_such_sheet' ? 'corrupt' : err.code;
      return fail(code, limits.maxUncompressedBytes);
    }
    return fail('corrupt');
  }
}
