/**
 * The report year of a sheet (spec/layouts.md, "The year of a sheet without a Năm column"), in
 * this order: `--year` (or the pane's year field); the latest year of the `Năm` column; a year in
 * a title phrase above the header; the sheet name; the file name; otherwise the current year,
 * with a warning that says the year was guessed and how to set it.
 *
 * The signing date line (`Quy Nhơn, ngày 12 tháng 01 năm 2024`) is never the report year: an
 * annual report is signed in the next year. A range such as `năm học 2023 - 2024` gives its later
 * year, with a warning.
 */
import type { RawCell } from '../grid';
import { convertLegacy } from '../legacyEncoding';
import { cleanText, scanText, stripDiacritics, TEXT_HAS_LATIN1, TEXT_HAS_VIETNAMESE } from '../text';
import { GO } from '../wording';

/** Where the run's year came from; the JSON report carries it as `yearSource`. */
export type YearSource = 'option' | 'data' | 'title' | 'sheet' | 'file' | 'guess';

/** The run's year, where it came from, and the warning the user must see (range, guess). */
export interface SheetYear {
  readonly year: number;
  readonly source: YearSource;
  readonly note?: string;
}

export interface SheetYearInput {
  /** `--year`, or the year typed in the pane. */
  readonly option?: number;
  /** The latest year in the table's `Năm` column, when it has one with a value. */
  readonly dataYear?: number;
  /** The sheet's rows above the header band (title, document number, signing date line). */
  readonly titleRows: readonly (readonly RawCell[])[];
  readonly sheetName: string;
  /** The workbook's file name, with or without its folder and extension. */
  readonly fileName?: string;
  readonly today: Date;
}

/** A year found in a text: `range` is the text of a two-year range it was taken from. */
export interface FoundYear {
  readonly year: number;
  readonly range?: string;
}

/** How the user sets the year, said in every warning. */
const HOW_TO_SET = `Hãy chọn năm báo cáo: ${GO.setYear}.`;

const YEAR = '((?:19|20)\\d\\d)';
/** A date with its day: `12/01/2024`, `12-1-2024`, `12.01.2024`. */
const NUMERIC_DATE = /\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}/g;
/**
 * The date of a signing line, without diacritics: `ngày 12 tháng 01 năm 2024`, also with the day
 * and month left as dots or blanks for the signer to fill in (`ngày … tháng … năm 2024`).
 */
const WORDED_DATE = /ngay[\s.…_\d]*thang[\s.…_\d]*nam\s*\d{4}/g;
/** A place, a comma, then the date: the whole cell is a signing line (`Bình Định, tháng 01 năm 2024`). */
const SIGNING_LINE = /^[^,\d]{2,60},\s*(?:ngay|thang)\b/;
/** Two years joined by a dash or slash: `2023 - 2024`, `2023/2024`. */
const RANGE = new RegExp(`(?<![\\d/])${YEAR}\\s*[-–—/]\\s*${YEAR}(?![\\d/])`, 'g');
/** `năm 2023`, `năm học 2023`, `năm tài chính 2023` (diacritics removed). */
const YEAR_PHRASE = new RegExp(`\\bnam\\s+(?:hoc\\s+|tai\\s+chinh\\s+)?${YEAR}(?!\\d)`);
/** A four-digit year on its own: not inside a longer number, nor in a document number (`12/2024/NĐ-CP`). */
const BARE_YEAR = new RegExp(`(?<![\\d/])${YEAR}(?![\\d/])`);

/** Lower case, without diacritics, with dates removed; legacy TCVN3/VNI readings alongside. */
function readings(text: string): string[] {
  const clean = cleanText(text);
  const out = [clean];
  // TCVN3/VNI titles (`N¡M 2023`, `n¨m 2023`): both conversions, the phrase search decides. Text
  // with a letter only Unicode Vietnamese has is Unicode already, and is not converted.
  if ((scanText(clean) & (TEXT_HAS_LATIN1 | TEXT_HAS_VIETNAMESE)) === TEXT_HAS_LATIN1) {
    out.push(convertLegacy(clean, 'tcvn3'), convertLegacy(clean, 'vni'));
  }
  return out.map((t) => stripDiacritics(t.toLowerCase()).replace(/đ/g, 'd'));
}

function withoutDates(text: string): string {
  if (SIGNING_LINE.test(text)) return '';
  return text.replace(WORDED_DATE, ' ').replace(NUMERIC_DATE, ' ');
}

/**
 * The year a text names, if any, and how sure: a two-year range of consecutive years (its later
 * year) or a `năm YYYY` phrase is a phrase; a four-digit year on its own is a bare year. Dates
 * (`ngày … tháng … năm 2024`, `12/01/2024`) and longer ranges (`nhiệm kỳ 2023 - 2028`) never count.
 *
 * @example
 * yearInText('BÁO CÁO KẾT QUẢ 6 THÁNG ĐẦU NĂM 2024') // { year: 2024, phrase: true }
 * yearInText('NĂM HỌC 2023 - 2024')                 // { year: 2024, range: '2023 - 2024', phrase: true }
 * yearInText('Quy Nhơn, ngày 12 tháng 01 năm 2024')  // undefined
 * yearInText('BC 2024')                             // { year: 2024, phrase: false }
 */
export function yearInText(text: string): (FoundYear & { readonly phrase: boolean }) | undefined {
  let bare: number | undefined;
  for (const reading of readings(text)) {
    const t = withoutDates(reading);
    for (const m of t.matchAll(RANGE)) {
      const [from, to] = [Number(m[1]), Number(m[2])];
      if (to === from + 1) return { year: to, range: m[0].trim(), phrase: true };
    }
    // Longer ranges (a term of office, a plan period) are not a report year.
    const rest = t.replace(RANGE, ' ');
    const phrase = YEAR_PHRASE.exec(rest);
    if (phrase) return { year: Number(phrase[1]), phrase: true };
    const single = BARE_YEAR.exec(rest);
    if (single && bare === undefined) bare = Number(single[1]);
  }
  return bare === undefined ? undefined : { year: bare, phrase: false };
}

/**
 * The year of the title rows above the header: the first `năm YYYY` phrase or two-year range,
 * top to bottom; else the first year on its own in a title. Cells of one row are read together
 * (`BÁO CÁO NĂM` | `2024`), except a signing date line, which is left out whole.
 *
 * @example
 * titleRowsYear([['Bình Định, ngày 12 tháng 01 năm 2024'], ['BÁO CÁO NĂM 2023']]) // { year: 2023 }
 */
export function titleRowsYear(rows: readonly (readonly RawCell[])[]): FoundYear | undefined {
  let bare: FoundYear | undefined;
  for (const row of rows) {
    const parts: string[] = [];
    for (const cell of row) {
      if (typeof cell === 'string') {
        // A cell that is a signing line is dropped before the row's cells are joined.
        if (readings(cell).some((r) => SIGNING_LINE.test(r))) continue;
        parts.push(cell);
      } else if (typeof cell === 'number' && Number.isInteger(cell) && cell >= 1900 && cell <= 2099) {
        parts.push(String(cell));
      }
    }
    if (!parts.length) continue;
    const found = yearInText(parts.join(' '));
    if (!found) continue;
    if (found.phrase) return found.range ? { year: found.year, range: found.range } : { year: found.year };
    bare ??= { year: found.year };
  }
  return bare;
}

/**
 * The year a sheet or file name carries (`BC 2024`, `Năm 2023`, `bao-cao-cdcs-2024.xlsx`); the
 * folder and the extension of a file name are left out.
 *
 * @example
 * nameYear('C:\\Báo cáo\\BC_CDCS_2023 (1).xlsx') // { year: 2023 }
 */
export function nameYear(name: string): FoundYear | undefined {
  const base = name.replace(/^.*[\\/]/, '').replace(/\.[A-Za-z]{3,4}$/, '');
  const found = yearInText(base.replace(/_/g, ' '));
  if (!found) return undefined;
  return found.range ? { year: found.year, range: found.range } : { year: found.year };
}

function rangeNote(found: FoundYear, where: string): string | undefined {
  if (!found.range) return undefined;
  return `${where} ghi khoảng năm "${found.range}": chương trình tính cho năm ${found.year} (năm sau của khoảng). Nếu không đúng, ${HOW_TO_SET.charAt(0).toLowerCase()}${HOW_TO_SET.slice(1)}`;
}

/**
 * The run's year by the rule of layouts.md.
 *
 * @example
 * sheetYear({ titleRows: [['BÁO CÁO NĂM 2023']], sheetName: 'BC 2024', today: new Date(2026, 0, 5) })
 * // { year: 2023, source: 'title' }
 */
export function sheetYear(input: SheetYearInput): SheetYear {
  if (input.option !== undefined) return { year: input.option, source: 'option' };
  if (input.dataYear !== undefined) return { year: input.dataYear, source: 'data' };
  const sources: readonly [Exclude<YearSource, 'option' | 'data' | 'guess'>, () => FoundYear | undefined, string][] = [
    ['title', () => titleRowsYear(input.titleRows), 'Tiêu đề bảng'],
    ['sheet', () => nameYear(input.sheetName), `Tên sheet "${input.sheetName}"`],
    ['file', () => (input.fileName ? nameYear(input.fileName) : undefined), `Tên tệp "${input.fileName ?? ''}"`],
  ];
  for (const [source, find, where] of sources) {
    const found = find();
    if (!found) continue;
    const note = rangeNote(found, where);
    return note ? { year: found.year, source, note } : { year: found.year, source };
  }
  const year = input.today.getFullYear();
  return {
    year,
    source: 'guess',
    note: `Không thấy năm báo cáo: bảng không có cột "Năm", còn tiêu đề, tên sheet và tên tệp không ghi năm. Chương trình tạm tính cho năm nay (${year}). ${HOW_TO_SET}`,
  };
}
