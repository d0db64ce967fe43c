/**
 * Which catalog column a header names (spec/columns.md, spec/layouts.md "The header band"):
 * the header or an alias, compared through `matchKey` (case, diacritics, punctuation, spaces),
 * after the header-text normalisation (TCVN3/VNI, footnote marks) and, failing that, without the
 * parts in parentheses (units such as `(người)`, `(đơn vị)`, `(%)`, `(triệu đồng)`).
 * A column under a group cell is matched on its own text first, then on `group + sub`.
 */
import { COLUMNS, ROW_NUMBER_HEADERS } from '../catalog';
import { matchKey } from '../text';
import { headerReadings, stripParenthesised } from './headerText';

const HEADER_INDEX: ReadonlyMap<string, string> = (() => {
  const index = new Map<string, string>();
  for (const def of COLUMNS) {
    for (const label of [def.header, ...def.aliases]) {
      const k = matchKey(label);
      if (!index.has(k)) index.set(k, def.key);
    }
  }
  return index;
})();

/**
 * Headers that name a column only together with the group cell above them: `Tổng số`, `Nữ`,
 * `Có`, `Số lượng`, … On their own they never match, so `Số đoàn viên` over `Tổng số | Nữ`
 * cannot make `Nữ` (a breakdown) into a second count of members. (No `Nam`: without diacritics
 * it is `Năm`, the year column.)
 */
export const BARE_SUB_HEADERS: readonly string[] = [
  'Tổng số',
  'Tổng',
  'Cộng',
  'TS',
  'Số lượng',
  'SL',
  'Nữ',
  'Trong đó',
  'Trong đó nữ',
  'Có',
  'Không',
  'Tỷ lệ',
  'Tỉ lệ',
  'Đầu năm',
  'Cuối năm',
  'Đầu kỳ',
  'Cuối kỳ',
];
const BARE_KEYS: ReadonlySet<string> = new Set(BARE_SUB_HEADERS.map(matchKey));

/**
 * `group + sub` headers that the catalog's own headers and aliases do not already spell:
 * every group variant joined with every sub variant names the key. (`Số đoàn viên` + `Đầu năm`
 * needs no entry: the joined text is the catalog header `Số đoàn viên đầu năm`.)
 */
const JOINED_ALIASES: readonly { readonly key: string; readonly groups: readonly string[]; readonly subs: readonly string[] }[] = (() => {
  const members = ['Số đoàn viên', 'Đoàn viên', 'Số ĐV', 'ĐV', 'Tổng số đoàn viên'];
  const workers = [
    'Tổng số CBCCVCLĐ',
    'Số CBCCVCLĐ',
    'CBCCVCLĐ',
    'CNVCLĐ',
    'Số CNVCLĐ',
    'Lao động',
    'Số lao động',
    'Người lao động',
    'Số người lao động',
    'CBCCVC, NLĐ',
  ];
  const officers = ['Cán bộ CĐCS', 'Số cán bộ CĐCS', 'Cán bộ công đoàn', 'Số cán bộ công đoàn'];
  const petitions = ['Đơn thư', 'Số đơn thư', 'Đơn thư thuộc thẩm quyền', 'Số đơn thư thuộc thẩm quyền'];
  const cases = ['Vụ việc', 'Số vụ việc'];
  const poor = ['Hộ nghèo, cận nghèo', 'Số hộ nghèo, cận nghèo', 'Hộ nghèo', 'Số hộ nghèo'];
  const hardship = ['ĐV có hoàn cảnh khó khăn', 'Số ĐV có hoàn cảnh khó khăn', 'Đoàn viên có hoàn cảnh khó khăn', 'ĐV khó khăn'];
  const funds = ['Kinh phí công đoàn', 'Kinh phí', 'KPCĐ', 'Kinh phí, đoàn phí', 'Kinh phí công đoàn, đoàn phí'];
  const total = ['Tổng số', 'Tổng', 'Số lượng', 'Cộng', 'TS', 'SL'];
  return [
    { key: 'so_dv', groups: members, subs: [...total, 'Cuối năm', 'Cuối kỳ', 'Hiện có'] },
    { key: 'so_dv_dau_ky', groups: members, subs: ['Đầu năm', 'Đầu kỳ'] },
    { key: 'dv_ket_nap_moi', groups: members, subs: ['Kết nạp mới', 'Kết nạp', 'Kết nạp trong năm', 'Phát triển mới'] },
    { key: 'tong_so_ld', groups: workers, subs: total },
    { key: 'so_ld_du_dk', groups: workers, subs: ['Đủ điều kiện gia nhập', 'Đủ điều kiện', 'Đủ điều kiện kết nạp', 'Đủ ĐK'] },
    { key: 'can_bo_cd', groups: officers, subs: total },
    { key: 'can_bo_tap_huan', groups: officers, subs: ['Được tập huấn', 'Tập huấn'] },
    { key: 'don_thu', groups: petitions, subs: [...total, 'Thuộc thẩm quyền'] },
    { key: 'don_thu_giai_quyet', groups: petitions, subs: ['Đã giải quyết', 'Giải quyết'] },
    { key: 'vu_viec_tu_van', groups: cases, subs: [...total, 'Cần tư vấn, tranh tụng', 'Tư vấn, tranh tụng'] },
    {
      key: 'vu_viec_dai_dien',
      groups: cases,
      subs: ['Có đại diện công đoàn tham gia', 'Đại diện công đoàn tham gia', 'Công đoàn tham gia', 'Có công đoàn tham gia'],
    },
    { key: 'ho_ngheo_dau_ky', groups: poor, subs: ['Đầu năm', 'Đầu kỳ'] },
    { key: 'ho_ngheo_cuoi_ky', groups: poor, subs: ['Cuối năm', 'Cuối kỳ'] },
    { key: 'dv_kho_khan', groups: hardship, subs: total },
    {
      key: 'dv_kho_khan_tham_hoi',
      groups: hardship,
      subs: ['Được thăm hỏi, tặng quà', 'Được thăm hỏi', 'Thăm hỏi, tặng quà', 'Được thăm hỏi tặng quà'],
    },
    { key: 'kp_thu', groups: funds, subs: ['Đã thu', 'Thực thu', 'Số đã thu'] },
    { key: 'kp_phai_thu', groups: funds, subs: ['Phải thu', 'Số phải thu'] },
    { key: 'kp_su_dung', groups: funds, subs: ['CĐCS được sử dụng', 'Được sử dụng', 'Được sử dụng tại CĐCS'] },
  ];
})();

const JOINED_INDEX: ReadonlyMap<string, string> = (() => {
  const index = new Map<string, string>();
  for (const alias of JOINED_ALIASES) {
    for (const g of alias.groups) {
      for (const s of alias.subs) {
        const k = matchKey(`${g} ${s}`);
        if (!HEADER_INDEX.has(k) && !index.has(k)) index.set(k, alias.key);
      }
    }
  }
  return index;
})();

/** Compared without spaces, so `S.T.T` is `STT`. */
const ROW_NUMBER_KEYS: ReadonlySet<string> = new Set(ROW_NUMBER_HEADERS.map((h) => matchKey(h).replace(/ /g, '')));

/** The readings to try for a header: each normalised reading, then the same without parentheses. */
function matchTexts(text: string): string[] {
  const out: string[] = [];
  for (const r of headerReadings(text)) {
    if (!out.includes(r)) out.push(r);
    if (r.includes('(')) {
      const bare = stripParenthesised(r);
      if (bare && !out.includes(bare)) out.push(bare);
    }
  }
  return out;
}

const MATCHES = new Map<string, string | null>();
const MATCH_LIMIT = 10_000;

/**
 * The catalog key a header text names on its own, or undefined. Footnote marks, a unit in
 * parentheses and TCVN3/VNI text are tolerated. A bare sub-header (`Tổng số`, `Nữ`, …) gives
 * undefined: it names a column only through its group (see `matchJoined`).
 *
 * @example
 * matchHeader('Tổng số ĐV')                         // undefined
 * matchHeader('SO DOAN VIEN')                       // 'so_dv'
 * matchHeader('Số đoàn viên (người) (*)')           // 'so_dv'
 * matchHeader('Kinh phí công đoàn đã thu (triệu đồng)') // 'kp_thu'
 * matchHeader('M· ®¬n vÞ')                          // 'ma_don_vi' (TCVN3)
 */
export function matchHeader(text: string): string | undefined {
  const cached = MATCHES.get(text);
  if (cached !== undefined) return cached ?? undefined;
  let found: string | undefined;
  if (!isBareSubHeader(text)) {
    for (const t of matchTexts(text)) {
      found = HEADER_INDEX.get(matchKey(t));
      if (found) break;
    }
  }
  if (MATCHES.size < MATCH_LIMIT && text.length <= 200) MATCHES.set(text, found ?? null);
  return found;
}

/**
 * Whether a header is a bare sub-header that names nothing without its group.
 *
 * @example
 * isBareSubHeader('Tổng số')     // true
 * isBareSubHeader('Nữ (người)')  // true
 * isBareSubHeader('Số đoàn viên') // false
 */
export function isBareSubHeader(text: string): boolean {
  return matchTexts(text).some((t) => BARE_KEYS.has(matchKey(t)));
}

/**
 * The catalog key that a group header and the sub-header under it name together, or undefined:
 * the joined text `group sub` as a catalog header or alias, or as one of the joined aliases
 * (`Số đoàn viên` + `Tổng số` → `so_dv`).
 *
 * @example
 * matchJoined('Số đoàn viên', 'Tổng số')  // 'so_dv'
 * matchJoined('Số đoàn viên', 'Đầu năm')  // 'so_dv_dau_ky' (catalog header "Số đoàn viên đầu năm")
 * matchJoined('Số đoàn viên', 'Nữ')       // undefined: a breakdown column
 */
export function matchJoined(group: string, sub: string): string | undefined {
  const cacheKey = `${group}\u0000${sub}`;
  const cached = JOINED_MATCHES.get(cacheKey);
  if (cached !== undefined) return cached ?? undefined;
  let found: string | undefined;
  for (const g of matchTexts(group)) {
    for (const s of matchTexts(sub)) {
      const k = matchKey(`${g} ${s}`);
      found = HEADER_INDEX.get(k) ?? JOINED_INDEX.get(k);
      if (found) break;
    }
    if (found) break;
  }
  if (JOINED_MATCHES.size < MATCH_LIMIT && cacheKey.length <= 300) JOINED_MATCHES.set(cacheKey, found ?? null);
  return found;
}

const JOINED_MATCHES = new Map<string, string | null>();

/** How a column's header was matched: the key, and which of its texts (indices, top to bottom) named it. */
export interface ColumnMatch {
  readonly key: string;
  readonly used: readonly number[];
}

/**
 * Matches a column from its header texts in the band, top to bottom: first the bottom-most text
 * on its own (unless it is a bare sub-header), then joined with the group right above it, then
 * with the one above that, then all three.
 *
 * @example
 * matchColumn(['Số đoàn viên', 'Tổng số'])  // { key: 'so_dv', used: [0, 1] }
 * matchColumn(['Số đoàn viên', 'Nữ'])       // undefined
 * matchColumn(['Kết quả thực hiện', 'Công khai tài chính']) // { key: 'cong_khai_tc', used: [1] }
 */
export function matchColumn(texts: readonly string[]): ColumnMatch | undefined {
  const n = texts.length;
  if (n === 0) return undefined;
  const bottom = texts[n - 1];
  const own = matchHeader(bottom);
  if (own) return { key: own, used: [n - 1] };
  if (n >= 2) {
    const k = matchJoined(texts[n - 2], bottom);
    if (k) return { key: k, used: [n - 2, n - 1] };
  }
  if (n >= 3) {
    const top = matchJoined(texts[n - 3], bottom);
    if (top) return { key: top, used: [n - 3, n - 1] };
    const all = matchJoined(`${texts[n - 3]} ${texts[n - 2]}`, bottom);
    if (all) return { key: all, used: [n - 3, n - 2, n - 1] };
  }
  return undefined;
}

/**
 * Whether a header names the row-numbering column (`STT`, `TT`, `Số TT`).
 *
 * @example
 * isRowNumberHeader('S.T.T') // true
 */
export function isRowNumberHeader(text: string): boolean {
  return matchTexts(text).some((t) => ROW_NUMBER_KEYS.has(matchKey(t).replace(/ /g, '')));
}
