/**
 * Realistic sample returns for the demo, the tests and the benchmark: a `Dữ liệu CĐCS` sheet
 * for one target set, filled with plausible Vietnamese units (schools, hospitals, agencies,
 * companies, upper-level unions) and numbers that respect the catalog's part ≤ whole rules.
 * Optionally a handful of the mistakes real returns carry are injected at fixed, documented cells.
 *
 * Deterministic: a seeded PRNG (mulberry32) drives everything, so the same options give the
 * same grid. Pure TS: no I/O.
 */
import {
  CAP_CAP_TREN,
  CAP_CDCS,
  COLUMNS,
  KV_NN,
  KV_NNN,
  XL_HT,
  XL_KHT,
  XL_TOT,
  XL_XUAT_SAC,
  columnDef,
  type ColumnDef,
} from './catalog';
import { columnsForSet, indicatorColumns } from './columnsForSet';
import { a1, type RawCell, type SheetGrid } from './grid';
import type { RuleId } from './problem';
import type { TargetSet } from './targetSet';
import { matchKey } from './text';

/**
 * Name of the data sheet the sample is written to.
 *
 * @example
 * sampleWorkbook(set, { units: 3, year: 2024 }).grid.name === SAMPLE_SHEET_NAME // 'Dữ liệu CĐCS'
 */
export const SAMPLE_SHEET_NAME = 'Dữ liệu CĐCS';

/**
 * What to generate.
 *
 * @example
 * const options: SampleOptions = { units: 40, year: 2024, seed: 2024, mistakes: true, title: true };
 * const multiYear: SampleOptions = { units: 200, year: 2024, years: [2021, 2022, 2023] };
 */
export interface SampleOptions {
  /** Number of units (rows per year). */
  readonly units: number;
  /** The reporting year (the run's year); mistakes are injected in this year's rows. */
  readonly year: number;
  /** PRNG seed; default 1. */
  readonly seed?: number;
  /** Inject the typical mistakes of real returns (see {@link sampleWorkbook}). */
  readonly mistakes?: boolean;
  /** Title rows above the header (header on row 4 instead of row 1). */
  readonly title?: boolean;
  /**
   * Extra years for multi-year sets: the same units get rows for each of these years too.
   * Blocks are written in ascending year order. (For a single-year set, rows of other years
   * raise `year_mismatch`, as they would in a real return.)
   */
  readonly years?: readonly number[];
}

/**
 * One injected mistake: where it is, what was typed, and the rule a correct engine raises.
 *
 * @example
 * // { cell: 'V10', rule: 'invalid_choice', column: 'xep_loai', raw: 'Vững mạnh', note: 'Xếp loại theo thang cũ (trước 2019) "Vững mạnh"' }
 * sample.mistakes.filter((m) => m.rule !== 'none') // the problems a correct engine reports, cell for cell
 */
export interface SampleMistake {
  /** A1 address in the sample sheet. */
  readonly cell: string;
  /** The spec rule id the cell should raise, or `'none'` for a silent normalisation (no problem). */
  readonly rule: RuleId | 'none';
  /** What the mistake is, in Vietnamese. */
  readonly note: string;
  /** Catalog key of the column, or the header text for a column the catalog does not know. */
  readonly column: string;
  /** The raw value written in the cell (null for a blank cell). */
  readonly raw: RawCell;
}

/**
 * A generated sample return.
 *
 * @example
 * const { grid, headerRow, mistakes } = sampleWorkbook(set, { units: 40, year: 2024, title: true });
 * grid.rows[headerRow - 1][0] // 'STT'
 */
export interface SampleWorkbook {
  /** The sheet, named `Dữ liệu CĐCS`. */
  readonly grid: SheetGrid;
  /** 1-based row of the table header (1, or 4 with title rows). */
  readonly headerRow: number;
  /** Injected mistakes in sheet order (empty without `mistakes`). */
  readonly mistakes: readonly SampleMistake[];
}

// ---------------------------------------------------------------------------------------------
// PRNG

// Hot paths use local copies: a global lookup such as `Math.imul` costs a lot inside test sandboxes (vm contexts).
const { imul, floor, round, min, max, exp, log } = Math;

type Rng = () => number;

/** mulberry32: small, fast, good enough for sample data. Returns floats in [0, 1). */
function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = imul(t ^ (t >>> 15), t | 1);
    t ^= t + imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Random {
  constructor(readonly next: Rng) {}
  /** Uniform float in [lo, hi). */
  uniform(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }
  /** Uniform integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** Log-uniform integer in [lo, hi]: many small units, a few large ones. */
  logInt(lo: number, hi: number): number {
    return min(hi, floor(exp(this.uniform(log(lo), log(hi + 1)))));
  }
}

// ---------------------------------------------------------------------------------------------
// Names

interface Place {
  readonly type: string;
  readonly name: string;
}

interface Province {
  readonly name: string;
  readonly districts: readonly Place[];
  readonly communes: readonly Place[];
}

const d = (type: string, names: string): Place[] => names.split(', ').map((name) => ({ type, name }));

const BINH_DINH: Province = {
  name: 'Bình Định',
  districts: [
    ...d('thành phố', 'Quy Nhơn'),
    ...d('thị xã', 'An Nhơn, Hoài Nhơn'),
    ...d('huyện', 'Tuy Phước, Phù Cát, Phù Mỹ, Tây Sơn, Hoài Ân, An Lão, Vân Canh, Vĩnh Thạnh'),
  ],
  communes: [
    ...d(
      'xã',
      'Phước Sơn, Phước Hòa, Phước Thuận, Phước Lộc, Cát Tiến, Cát Hải, Cát Hanh, Cát Minh, Mỹ Chánh, Mỹ Thành, Mỹ Đức, Hoài Hương, Hoài Châu, Ân Tín, Ân Phong, Bình Nghi, Tây Giang, Tây Vinh, Nhơn Hậu, Nhơn Phong, Nhơn Khánh, An Hòa, Canh Vinh, Vĩnh Quang, Vĩnh Hảo',
    ),
    ...d('phường', 'Bồng Sơn, Tam Quan, Nhơn Bình, Ghềnh Ráng, Hải Cảng, Nhơn Phú'),
  ],
};

const BEN_TRE: Province = {
  name: 'Bến Tre',
  districts: [
    ...d('thành phố', 'Bến Tre'),
    ...d('huyện', 'Châu Thành, Chợ Lách, Mỏ Cày Nam, Mỏ Cày Bắc, Giồng Trôm, Bình Đại, Ba Tri, Thạnh Phú'),
  ],
  communes: [
    ...d(
      'xã',
      'Phú Hưng, Sơn Đông, Tân Thạch, An Khánh, Phước Mỹ Trung, Thạnh Phú Đông, Bảo Thạnh, An Ngãi Trung, Châu Hưng, Thới Lai, Lộc Thuận, Vĩnh Thành, Lương Quới, Tân Hào, Giao Long, An Thủy, Tân Xuân, Mỹ An, Phú Túc, Quới Sơn, Tiên Thủy, Định Thủy, Hương Mỹ, Bình Thạnh',
    ),
    ...d('phường', 'An Hội, Phú Khương, Phú Tân, Mỹ Thạnh An'),
  ],
};

const HUNG_YEN: Province = {
  name: 'Hưng Yên',
  districts: [
    ...d('thành phố', 'Hưng Yên'),
    ...d('thị xã', 'Mỹ Hào'),
    ...d('huyện', 'Văn Lâm, Văn Giang, Yên Mỹ, Khoái Châu, Ân Thi, Kim Động, Phù Cừ, Tiên Lữ'),
  ],
  communes: [
    ...d(
      'xã',
      'Dân Tiến, Hồng Nam, Lạc Hồng, Tân Dân, Nghĩa Hiệp, Liêu Xá, Đông Kết, Dạ Trạch, Phụng Công, Xuân Quan, Toàn Thắng, Nhật Tân, Thiện Phiến, Tống Trân, Đình Dù, Minh Hải, Tân Tiến, Hồng Tiến, Phù Ủng, Đặng Lễ, Trung Nghĩa, Quảng Châu',
    ),
    ...d('phường', 'Bạch Sam, Lam Sơn, Hiến Nam, Nhân Hòa, Bần Yên Nhân'),
  ],
};

const PEOPLE =
  'Nguyễn Huệ, Lê Lợi, Quang Trung, Trần Hưng Đạo, Lý Tự Trọng, Nguyễn Du, Lê Quý Đôn, Chu Văn An, Nguyễn Trãi, Trần Phú, Võ Thị Sáu, Kim Đồng, Lê Hồng Phong, Phan Bội Châu, Nguyễn Bỉnh Khiêm, Hùng Vương, Đào Duy Từ, Xuân Diệu, Lương Thế Vinh, Nguyễn Văn Trỗi, Trưng Vương, Đào Tấn, Nguyễn Đình Chiểu, Phan Chu Trinh, Nguyễn Khuyến, Tô Hiến Thành, Lý Thường Kiệt, Nguyễn Thái Học, Hoàng Văn Thụ, Mạc Đĩnh Chi, Nguyễn Trung Trực, Lê Thánh Tông, Nguyễn Hiền, Nguyễn Thị Minh Khai, Tăng Bạt Hổ, Võ Trường Toản, Ngô Quyền, Đinh Tiên Hoàng, Trần Quốc Toản, Hai Bà Trưng'.split(
    ', ',
  );
const FLOWERS =
  'Hoa Sen, Họa Mi, Sơn Ca, Hoa Hồng, Hoa Mai, Bình Minh, Tuổi Thơ, Vành Khuyên, Hướng Dương, Hoa Phượng, Anh Đào, Sao Mai, Hoa Lan, Rạng Đông, Măng Non'.split(
    ', ',
  );
const PRIVATE_BRANDS =
  'Trí Đức, Việt Mỹ, Ánh Dương, Sao Việt, Hoàng Gia, Ngôi Sao, Tuệ Đức, Tài Năng Trẻ, Hòa Bình, Thăng Long, Việt Úc, Ban Mai'.split(', ');
const INDUSTRIES =
  'May, Chế biến Gỗ, Thủy sản, Xây dựng, Vận tải, Thực phẩm, Dược phẩm, Bao bì, Cơ khí, Thương mại Dịch vụ, Điện tử, Giày da, Nông sản, Thức ăn Chăn nuôi, Nhựa, Xuất nhập khẩu, Du lịch, Vật liệu Xây dựng, Chế biến Dừa, Đá Granite'.split(
    ', ',
  );
const BRANDS =
  'Phú Tài, Hoàng Anh, Tân Thành, An Phát, Minh Long, Thành Đạt, Hải Vương, Phước Lộc, Đại Dương, Kim Ngân, Trường Thịnh, Hưng Phát, Nhơn Hòa, Tấn Phát, Thiên Phú, Đông Á, Nam Việt, Quang Minh, Hải Long, Phúc Hưng, Vĩnh Hưng, Tiến Đạt, Ngọc Lan, Hoàn Cầu, Đức Thành, Long Hải, Việt Thắng, Bảo Châu, Gia Phát, Hùng Cường, An Khang, Đồng Tâm, Thịnh Vượng, Tân Long, Mỹ Lệ, Hồng Phúc, Đại Thành, Sông Hồng, Phương Nam, Toàn Thắng'.split(
    ', ',
  );
const FORMS = ['Công ty TNHH', 'Công ty Cổ phần', 'Công ty TNHH MTV'];
const DEPARTMENTS =
  'Tài chính, Nội vụ, Tư pháp, Xây dựng, Công Thương, Giáo dục và Đào tạo, Y tế, Nông nghiệp và Phát triển nông thôn, Tài nguyên và Môi trường, Giao thông vận tải, Khoa học và Công nghệ, Văn hóa và Thể thao, Du lịch, Lao động - Thương binh và Xã hội, Thông tin và Truyền thông, Kế hoạch và Đầu tư, Ngoại vụ'.split(
    ', ',
  );
const PROVINCIAL_AGENCIES = [
  'Văn phòng UBND tỉnh',
  'Văn phòng Tỉnh ủy',
  'Văn phòng Đoàn ĐBQH và HĐND tỉnh',
  'Thanh tra tỉnh',
  'Đài Phát thanh và Truyền hình tỉnh',
  'Cục Thuế tỉnh',
  'Kho bạc Nhà nước tỉnh',
  'Bảo hiểm xã hội tỉnh',
  'Cục Thống kê tỉnh',
  'Ban Quản lý Khu kinh tế tỉnh',
  'Trường Chính trị tỉnh',
  'Trường Cao đẳng Kỹ thuật Công nghệ',
  'Trường Cao đẳng Y tế',
  'Trung tâm Dịch vụ việc làm',
  'Quỹ Đầu tư phát triển tỉnh',
];
const DISTRICT_AGENCIES = [
  'UBND',
  'Phòng Giáo dục và Đào tạo',
  'Bảo hiểm xã hội',
  'Chi cục Thuế',
  'Kho bạc Nhà nước',
  'Trung tâm Văn hóa - Thể thao và Truyền thanh',
];
const HOSPITALS = [
  'Bệnh viện Đa khoa tỉnh',
  'Bệnh viện Lao và Bệnh phổi tỉnh',
  'Bệnh viện Mắt tỉnh',
  'Bệnh viện Tâm thần tỉnh',
  'Bệnh viện Y học cổ truyền và Phục hồi chức năng',
  'Bệnh viện Sản - Nhi tỉnh',
  'Trung tâm Kiểm soát bệnh tật tỉnh',
  'Trung tâm Cấp cứu 115',
];
const SECTOR_UNIONS = [
  'Công đoàn ngành Giáo dục',
  'Công đoàn ngành Y tế',
  'Công đoàn ngành Công Thương',
  'Công đoàn ngành Nông nghiệp và PTNT',
  'Công đoàn ngành Giao thông vận tải',
  'Công đoàn ngành Xây dựng',
  'Công đoàn Viên chức tỉnh',
  'Công đoàn các Khu công nghiệp',
];

/** The clean name of the unit whose name is written in TCVN3 when mistakes are on. */
const LEGACY_PLAIN_NAME = 'Trường THCS Lê Lợi';
/** "CĐCS Trường THCS Lê Lợi" typed in a .VnTime font (TCVN3): Đ = §, ư = U+00AD, ê = ª, ờ = ê, ợ = î. */
const LEGACY_TCVN3_NAME = 'C§CS Tr\u00ADêng THCS Lª Lîi';

const place = (p: Place): string => `${p.type} ${p.name}`;

/** One name stem and the size range (tong_so_ld) that fits it. */
interface Entry {
  readonly prefix: string;
  readonly proper: string;
  readonly lo: number;
  readonly hi: number;
}

type Numbering = 'school' | 'suffix' | 'campus' | 'none';

/**
 * Hands out names of one kind: every stem once, in a scattered order, then (when the kind can
 * be numbered) again with "số 2", " 2", "cơ sở 2"…; finite kinds run dry instead.
 */
class NamePool {
  private taken = 0;
  private readonly stride: number;
  constructor(
    private readonly entries: readonly Entry[],
    private readonly numbering: Numbering,
  ) {
    const n = entries.length;
    let s = max(1, floor(n * 0.618));
    while (n > 1 && gcd(s, n) !== 1) s++;
    this.stride = s;
  }
  take(): { entry: Entry; name: string } | undefined {
    const n = this.entries.length;
    if (n === 0) return undefined;
    const cycle = floor(this.taken / n);
    if (cycle > 0 && this.numbering === 'none') return undefined;
    const entry = this.entries[((this.taken % n) * this.stride) % n];
    this.taken++;
    const base = entry.proper ? `${entry.prefix} ${entry.proper}` : entry.prefix;
    if (cycle === 0) return { entry, name: base };
    const k = cycle + 1;
    switch (this.numbering) {
      case 'school':
        return { entry, name: `${entry.prefix} số ${k}${entry.proper ? ' ' + entry.proper : ''}` };
      case 'campus':
        return { entry, name: `${base} cơ sở ${k}` };
      default:
        return { entry, name: `${base} ${k}` };
    }
  }
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

type KindId = 'school' | 'private_school' | 'health' | 'agency' | 'edu_agency' | 'company' | 'coop' | 'upper';

interface Kind {
  readonly id: KindId;
  readonly sector: string;
  readonly pool: NamePool;
}

function uniqueEntries(entries: Entry[]): Entry[] {
  const seen = new Set<string>();
  return entries.filter((e) => {
    const k = `${e.prefix} ${e.proper}`;
    if (seen.has(k) || k === LEGACY_PLAIN_NAME) return false;
    seen.add(k);
    return true;
  });
}

function buildKinds(p: Province, education: boolean): Record<KindId, Kind> {
  const e = (prefix: string, proper: string, lo: number, hi: number): Entry => ({ prefix, proper, lo, hi });
  const communeNames = p.communes.map((c) => c.name);
  const school: Entry[] = [
    ...[...FLOWERS, ...communeNames].map((x) => e('Trường Mầm non', x, 12, 45)),
    ...[...communeNames, ...PEOPLE.slice(0, 20)].map((x) => e('Trường Tiểu học', x, 18, 60)),
    ...[...PEOPLE, ...communeNames].map((x) => e('Trường THCS', x, 22, 75)),
    ...PEOPLE.map((x) => e('Trường THPT', x, 45, 130)),
    ...communeNames.map((x) => e('Trường TH và THCS', x, 20, 60)),
  ];
  const privateSchool: Entry[] = [
    ...FLOWERS.map((x) => e('Trường Mầm non tư thục', x, 12, 40)),
    ...PRIVATE_BRANDS.map((x) => e('Trường Tiểu học tư thục', x, 15, 60)),
    ...PRIVATE_BRANDS.map((x) => e('Trường TH, THCS và THPT', x, 30, 120)),
  ];
  const health: Entry[] = [
    ...HOSPITALS.map((x, i) => e(x, '', i === 0 ? 350 : 60, 450)),
    ...p.districts.map((x) => e('Trung tâm Y tế', place(x), 80, 260)),
  ];
  const agency: Entry[] = [
    ...DEPARTMENTS.map((x) => e('Sở', x, 30, 95)),
    ...PROVINCIAL_AGENCIES.map((x) => e(x, '', 20, 90)),
    ...DISTRICT_AGENCIES.flatMap((a) => p.districts.map((x) => e(a, place(x), 12, 60))),
    ...p.communes.map((x) => e('UBND', place(x), 12, 30)),
  ];
  const eduAgency: Entry[] = [
    e('Sở Giáo dục và Đào tạo', '', 40, 90),
    ...p.districts.map((x) => e('Phòng Giáo dục và Đào tạo', place(x), 12, 30)),
    ...p.districts.map((x) => e('Trung tâm GDNN - GDTX', place(x), 15, 45)),
  ];
  const company: Entry[] = [];
  for (const brand of BRANDS) for (const ind of INDUSTRIES) for (const form of FORMS) company.push(e(form, `${ind} ${brand}`, 20, 450));
  const coop: Entry[] = p.communes.filter((c) => c.type === 'xã').map((x) => e('Hợp tác xã Nông nghiệp', x.name, 12, 30));
  const upper: Entry[] = education
    ? p.districts.map((x) => e('Công đoàn Giáo dục', place(x), 12, 25))
    : [...p.districts.map((x) => e('LĐLĐ', place(x), 12, 25)), ...SECTOR_UNIONS.map((x) => e(x, '', 12, 30))];
  const kind = (id: KindId, sector: string, entries: Entry[], numbering: Numbering): Kind => ({
    id,
    sector,
    pool: new NamePool(uniqueEntries(entries), numbering),
  });
  return {
    school: kind('school', KV_NN, school, 'school'),
    private_school: kind('private_school', KV_NNN, privateSchool, 'campus'),
    health: kind('health', KV_NN, health, 'none'),
    agency: kind('agency', KV_NN, agency, 'none'),
    edu_agency: kind('edu_agency', KV_NN, eduAgency, 'none'),
    company: kind('company', KV_NNN, company, 'suffix'),
    coop: kind('coop', KV_NNN, coop, 'none'),
    upper: kind('upper', KV_NN, upper, 'none'),
  };
}

/** Which mix of units fits the body that collects the returns. */
function mixFor(set: TargetSet): { province: Province; education: boolean; mix: readonly [KindId, number][] } {
  const text = matchKey(`${set.issuer} ${set.parentIssuer ?? ''} ${set.place ?? ''}`);
  const province = text.includes('ben tre') ? BEN_TRE : text.includes('hung yen') ? HUNG_YEN : BINH_DINH;
  if (text.includes('giao duc')) {
    return {
      province,
      education: true,
      mix: [
        ['school', 0.8],
        ['private_school', 0.14],
        ['edu_agency', 0.06],
      ],
    };
  }
  if (text.includes('vien chuc')) {
    return {
      province,
      education: false,
      mix: [
        ['agency', 0.55],
        ['school', 0.3],
        ['health', 0.15],
      ],
    };
  }
  return {
    province,
    education: false,
    mix: [
      ['school', 0.33],
      ['private_school', 0.03],
      ['health', 0.07],
      ['agency', 0.2],
      ['company', 0.34],
      ['coop', 0.03],
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// Values

type Cell = number | string | boolean | null;

/** Every catalog key, in the order values are drawn; a record is an array indexed by {@link K}. */
const REC_KEYS = [
  'ma_don_vi',
  'ten_don_vi',
  'cap',
  'don_vi_cap_tren',
  'khu_vuc',
  'nam',
  'tong_so_ld',
  'so_ld_du_dk',
  'so_dv_dau_ky',
  'so_dv',
  'dv_ket_nap_moi',
  'dv_sang_kien',
  'dv_hoc_tap',
  'dv_uu_dai',
  'dv_kho_khan',
  'dv_kho_khan_tham_hoi',
  'dv_vhtt',
  'dv_gioi_thieu_dang',
  'ld_hoc_nghe',
  'can_bo_cd',
  'can_bo_tap_huan',
  'chu_ky_so',
  'ho_ngheo_dau_ky',
  'ho_ngheo_cuoi_ky',
  'nha_mai_am',
  'don_thu',
  'don_thu_giai_quyet',
  'vu_viec_tu_van',
  'vu_viec_dai_dien',
  'kp_thu',
  'kp_phai_thu',
  'kp_su_dung',
  'cdcs_moi',
  'co_ke_hoach',
  'dang_ky_thi_dua',
  'phat_dong_cds',
  'dang_ky_vh',
  'dat_chuan_vh',
  'trien_khai_hoc_tap',
  'hoi_nghi_cbcc',
  'doi_thoai',
  'cong_khai_tc',
  'kiem_tra_tc',
  'tu_kiem_tra_tc',
  'kiem_tra_dieu_le',
  'co_to_chuc_dang',
  'chu_tich_bau_moi',
  'chu_tich_dao_tao',
  'quy_hoach_cb',
  'danh_gia_uy_vien',
  'ban_nu_cong',
  'tuldtt',
  'xep_loai',
] as const;
type RecKey = (typeof REC_KEYS)[number];
const K = Object.fromEntries(REC_KEYS.map((k, i) => [k, i])) as Readonly<Record<RecKey, number>>;
const REC_INDEX: ReadonlyMap<string, number> = new Map(REC_KEYS.map((k, i) => [k, i]));
const PARTY_REFERRALS = [0, 0, 1, 1, 1, 2, 2, 3];

interface Profile {
  readonly kind: KindId;
  readonly sector: string;
  readonly upper: boolean;
  readonly name: string;
  /** tong_so_ld in the run's year. */
  readonly size: number;
  readonly isNew: boolean;
  readonly party: boolean;
  readonly rating?: string;
}

function rating(r: Random, p: Profile): string {
  if (p.rating) return p.rating;
  const x = r.next();
  if (p.upper) return x < 0.4 ? XL_XUAT_SAC : x < 0.93 ? XL_TOT : XL_HT;
  if (p.sector === KV_NN) return x < 0.25 ? XL_XUAT_SAC : x < 0.87 ? XL_TOT : x < 0.985 ? XL_HT : XL_KHT;
  return x < 0.15 ? XL_XUAT_SAC : x < 0.65 ? XL_TOT : x < 0.96 ? XL_HT : XL_KHT;
}

const roundK = (v: number): number => round(v / 1000) * 1000;

/** Writes every catalog value of one unit in one year into `o` (indexed by {@link K}); parts never exceed their wholes. */
function unitYear(
  r: Random,
  p: Profile,
  code: string,
  y: number,
  tong: number,
  prevSoDv: number | undefined,
  isNewYear: boolean,
  o: Cell[],
): void {
  const nn = p.sector === KV_NN;
  const duDk = tong - floor(tong * r.uniform(0, nn ? 0.06 : 0.15));
  const soDv = r.chance(nn ? 0.45 : 0.25) ? duDk : floor(duDk * r.uniform(nn ? 0.88 : 0.78, 1));
  let ketNap: number;
  let dauKy: number;
  if (isNewYear) {
    ketNap = soDv;
    dauKy = 0;
  } else {
    ketNap = round(soDv * r.uniform(nn ? 0 : 0.02, nn ? 0.1 : 0.15));
    const left = round(soDv * r.uniform(0, 0.05));
    dauKy = prevSoDv ?? max(0, soDv - ketNap + left);
  }
  const khoKhan = round(soDv * r.uniform(0, 0.08));
  const canBo = (tong < 30 ? 3 : tong < 100 ? 5 : tong < 300 ? 7 : 9) + 2 * r.int(0, 1);
  const hoDau = r.chance(nn ? 0.3 : 0.5) ? r.int(1, 4) : 0;
  let hoCuoi = hoDau;
  for (let i = 0; i < hoDau; i++) if (r.chance(0.2)) hoCuoi--;
  if (r.chance(0.05)) hoCuoi++;
  const donThu = r.chance(0.12) ? r.int(1, 3) : 0;
  const tuVan = r.chance(nn ? 0.15 : 0.5) ? r.int(1, nn ? 1 : 4) : 0;
  const kpThu = max(10_000_000, roundK(tong * r.uniform(0.55, 0.9) * 1_000_000));
  const dangKyVh = r.chance(nn ? 0.95 : 0.8);
  const bauMoi = r.chance(0.18);
  o[K.ma_don_vi] = code;
  o[K.ten_don_vi] = p.name;
  o[K.cap] = p.upper ? CAP_CAP_TREN : CAP_CDCS;
  o[K.don_vi_cap_tren] = null;
  o[K.khu_vuc] = p.sector;
  o[K.nam] = y;
  o[K.tong_so_ld] = tong;
  o[K.so_ld_du_dk] = duDk;
  o[K.so_dv_dau_ky] = dauKy;
  o[K.so_dv] = soDv;
  o[K.dv_ket_nap_moi] = ketNap;
  o[K.dv_sang_kien] = round(soDv * r.uniform(0.04, 0.3));
  o[K.dv_hoc_tap] = r.chance(0.3) ? tong : round(tong * r.uniform(0.82, 1));
  o[K.dv_uu_dai] = round(soDv * r.uniform(0.08, 0.35));
  o[K.dv_kho_khan] = khoKhan;
  o[K.dv_kho_khan_tham_hoi] = r.chance(0.85) ? khoKhan : max(0, khoKhan - r.int(1, 3));
  o[K.dv_vhtt] = round(tong * r.uniform(0.55, 0.98));
  o[K.dv_gioi_thieu_dang] = p.party ? PARTY_REFERRALS[r.int(0, 7)] : 0;
  o[K.ld_hoc_nghe] = round(tong * (nn ? r.uniform(0.5, 1) : r.uniform(0.35, 0.9)));
  o[K.can_bo_cd] = canBo;
  o[K.can_bo_tap_huan] = r.chance(0.75) ? canBo : canBo - r.int(1, 2);
  o[K.chu_ky_so] = round(tong * r.uniform(0, 0.6));
  o[K.ho_ngheo_dau_ky] = hoDau;
  o[K.ho_ngheo_cuoi_ky] = hoCuoi;
  o[K.nha_mai_am] = r.chance(0.05) ? 1 : 0;
  o[K.don_thu] = donThu;
  o[K.don_thu_giai_quyet] = r.chance(0.85) ? donThu : max(0, donThu - 1);
  o[K.vu_viec_tu_van] = tuVan;
  o[K.vu_viec_dai_dien] = r.chance(0.7) ? tuVan : r.int(0, tuVan);
  o[K.kp_thu] = kpThu;
  o[K.kp_phai_thu] = roundK(kpThu / r.uniform(0.86, 1.03));
  o[K.kp_su_dung] = roundK(kpThu * r.uniform(0.6, 0.9));
  o[K.cdcs_moi] = isNewYear;
  o[K.co_ke_hoach] = r.chance(0.97);
  o[K.dang_ky_thi_dua] = r.chance(0.98);
  o[K.phat_dong_cds] = r.chance(0.85);
  o[K.dang_ky_vh] = dangKyVh;
  o[K.dat_chuan_vh] = dangKyVh ? r.chance(nn ? 0.94 : 0.8) : r.chance(0.2);
  o[K.trien_khai_hoc_tap] = r.chance(0.97);
  o[K.hoi_nghi_cbcc] = r.chance(nn ? 0.98 : 0.9);
  o[K.doi_thoai] = r.chance(nn ? 0.85 : 0.88);
  o[K.cong_khai_tc] = r.chance(0.96);
  o[K.kiem_tra_tc] = r.chance(p.upper ? 0.4 : 0.22);
  o[K.tu_kiem_tra_tc] = r.chance(p.upper ? 0.9 : 0.7);
  o[K.kiem_tra_dieu_le] = r.chance(0.1);
  o[K.co_to_chuc_dang] = p.party;
  o[K.chu_tich_bau_moi] = bauMoi;
  o[K.chu_tich_dao_tao] = bauMoi ? r.chance(0.8) : r.chance(0.3);
  o[K.quy_hoach_cb] = r.chance(0.92);
  o[K.danh_gia_uy_vien] = r.chance(0.9);
  o[K.ban_nu_cong] = r.chance(nn ? 0.96 : 0.8);
  o[K.tuldtt] = r.chance(nn ? 0.5 : 0.82);
  o[K.xep_loai] = rating(r, p);
}

/**
 * Columns that are blank when a `where` column is Không: every indicator that reads them is
 * restricted to rows where that bool is Có (e.g. chu_tich_dao_tao only when chu_tich_bau_moi).
 */
function blankUnless(set: TargetSet, keys: readonly string[]): [string, string][] {
  const out: [string, string][] = [];
  const whereCols = new Set(set.indicators.map((i) => i.scope.where).filter((w): w is string => !!w));
  for (const key of keys) {
    if (whereCols.has(key)) continue;
    const readers = set.indicators.filter((ind) => indicatorColumns(ind).some((k) => k === key && k !== ind.scope.where));
    const where = readers[0]?.scope.where;
    if (where && keys.includes(where) && readers.every((ind) => ind.scope.where === where)) out.push([key, where]);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Mistakes

/** Mistakes placed on unit rows, in slot order: slot j sits on unit index 1 + j·spacing. */
const ROW_SLOTS = [
  'legacy',
  'htt',
  'old_scale',
  'number_text',
  'dash',
  'with_unit',
  'exceeds',
  'blank_sector',
  'duplicate',
  'ref_error',
] as const;
type Slot = (typeof ROW_SLOTS)[number];

function firstPresent(keys: readonly string[], preferred: readonly string[], fallback: readonly string[]): string | undefined {
  return preferred.find((k) => keys.includes(k)) ?? fallback[0];
}

const isNumeric = (def: ColumnDef | undefined): boolean => def?.type === 'int' || def?.type === 'money';

/** Reads a sample cell as the engine would for a number: numbers, and plain or `1.250`-style digit text. */
function numberValue(v: RawCell | undefined): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v !== 'string') return undefined;
  if (/^\d+$/.test(v)) return Number(v);
  if (/^\d{1,3}(\.\d{3})+$/.test(v)) return Number(v.replace(/\./g, ''));
  return undefined;
}

/** Vietnamese thousands grouping: 1250 → "1.250". */
function groupThousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

const NOTES = [
  'Đã đối chiếu với kế toán',
  'Chủ tịch CĐCS mới được kiện toàn',
  'Nộp báo cáo chậm',
  'Số liệu đến 31/12',
  'Đơn vị mới chia tách',
  'Sáp nhập 2 tổ công đoàn',
];

// ---------------------------------------------------------------------------------------------

/**
 * Builds a realistic sample return for a target set: a `Dữ liệu CĐCS` sheet whose header holds
 * "STT" and the catalog headers of `columnsForSet(set)` (in that order), one row per unit and
 * year (blocks in ascending year order), codes `CD001`, `CD002`…
 *
 * Layout: with `title`, rows 1–3 are "LIÊN ĐOÀN LAO ĐỘNG TỈNH …" (the set's parent issuer when it
 * is a provincial federation, else its issuer), "BẢNG TỔNG HỢP SỐ LIỆU CÔNG ĐOÀN CƠ SỞ NĂM <year>"
 * and a blank row, and the header is row 4; without it the header is row 1.
 *
 * Clean data (no `mistakes`) raises no problem in a correct engine: every required and needed
 * cell is filled (a cell read only by indicators restricted to a `where` column is left blank
 * where that column is Không), every part ≤ whole rule of the catalog holds, codes are unique
 * per year. Indicator outcomes are a realistic mix of Đạt and Chưa đạt.
 *
 * With `mistakes`, these are injected in the run year's block, mistake slot j on unit index
 * 1 + 2j (1 + j when there are fewer than 20 units; a slot past the last unit is left out), each
 * only when its column exists in the set; the same units carry the same clean values without
 * `mistakes`, so only the listed cells (plus the `Ghi chú` column and the totals row) differ:
 *
 * | slot | cell | raw | rule |
 * |---|---|---|---|
 * | 0 | ten_don_vi | `C§CS Tr­êng THCS Lª Lîi` (TCVN3 for "CĐCS Trường THCS Lê Lợi") | legacy_encoding |
 * | 1 | xep_loai | `HTT` (the unit is rated Hoàn thành tốt nhiệm vụ) | none |
 * | 2 | xep_loai | `Vững mạnh` (pre-2019 scale) | invalid_choice |
 * | 3 | tong_so_ld (else so_ld_du_dk, so_dv, kp_…) | number as text, `1.250` (that unit has 1 250 workers) | none |
 * | 4 | a part count such as dv_sang_kien | `-` for 0 | not_a_number (warning) |
 * | 5 | tong_so_ld (else another people count) | `235 người` (its value plus a word) | not_a_number |
 * | 6 | so_dv (else another part whose whole exists) | whole + ~8% | exceeds_total |
 * | 7 | khu_vuc | blank | required_missing |
 * | 8 | ma_don_vi | the code of the row above (copied row, code not changed) | duplicate_unit |
 * | 9 | kp_su_dung (else another number) | `{ error: '#REF!' }` | formula_error |
 * | — | header, last column | `Ghi chú` (with a few notes below) | unknown_column |
 * | — | totals row "Tổng cộng" after the units, so_dv (else another number) | sum minus the last unit's value | total_row_mismatch |
 *
 * The totals row's other numeric cells hold the exact sums of what the engine reads
 * (number text counted, `-`, `235 người` and `#REF!` not).
 *
 * Fast: 100 000 units take a fraction of a second.
 *
 * @example
 * const s = sampleWorkbook(findPreset('bd-cdvc-2024')!, { units: 40, year: 2024, seed: 7, mistakes: true, title: true });
 * s.headerRow            // 4
 * s.grid.rows.length     // 4 + 40 + 1 (totals row)
 * s.mistakes[0]          // { cell: 'O4', rule: 'unknown_column', column: 'Ghi chú', raw: 'Ghi chú', note: … }
 * s.mistakes[1]          // { cell: 'C6', rule: 'legacy_encoding', raw: 'C§CS Tr­êng THCS Lª Lîi', … }
 * sampleWorkbook(set, { units: 100_000, year: 2024 }).grid.rows.length // 100 001, and no problem at all
 */
export function sampleWorkbook(set: TargetSet, options: SampleOptions): SampleWorkbook {
  const units = options.units;
  if (!Number.isInteger(units) || units < 0) throw new RangeError(`units must be a whole number ≥ 0, got ${units}`);
  if (!Number.isInteger(options.year)) throw new RangeError(`year must be a whole number, got ${options.year}`);
  const year = options.year;
  const withMistakes = options.mistakes === true;
  const rand = new Random(mulberry32(options.seed ?? 1));
  const years = [...new Set([year, ...(options.years ?? [])])].sort((x, y) => x - y);
  const mainBlock = years.indexOf(year);

  const keys = columnsForSet(set);
  const defs = keys.map((k) => columnDef(k) as ColumnDef);
  const colOf = new Map(keys.map((k, i) => [k, i + 1]));
  const numericKeys = keys.filter((k) => isNumeric(columnDef(k)));
  const width = keys.length + 1 + (withMistakes ? 1 : 0);
  const notesCol = keys.length + 1;
  const headerRow = options.title ? 4 : 1;
  const hasCap = keys.includes('cap');

  const rows: RawCell[][] = [];
  if (options.title) {
    const parent = set.parentIssuer && /^LIÊN ĐOÀN LAO ĐỘNG TỈNH/i.test(set.parentIssuer) ? set.parentIssuer : undefined;
    const body = parent ?? (set.issuer.trim() || 'LIÊN ĐOÀN LAO ĐỘNG TỈNH BÌNH ĐỊNH');
    rows.push([body.toUpperCase()], [`BẢNG TỔNG HỢP SỐ LIỆU CÔNG ĐOÀN CƠ SỞ NĂM ${year}`], []);
  }
  const header: RawCell[] = ['STT', ...defs.map((def) => def.header)];
  if (withMistakes) header.push('Ghi chú');
  rows.push(header);

  // Where each mistake goes (slots are fixed whether or not mistakes are on, so the clean data match).
  const spacing = units >= 2 * ROW_SLOTS.length ? 2 : 1;
  const slotUnit = new Map<Slot, number>();
  ROW_SLOTS.forEach((slot, j) => {
    const idx = 1 + j * spacing;
    if (idx < units) slotUnit.set(slot, idx);
  });
  const wholes = new Set(COLUMNS.filter((c) => c.partOf && keys.includes(c.key)).map((c) => c.partOf as string));
  const blankPairs = blankUnless(set, keys);
  const sometimesBlank = new Set(blankPairs.map(([col]) => col));
  const dashCol = firstPresent(
    keys.filter((k) => !sometimesBlank.has(k)),
    ['dv_sang_kien', 'dv_gioi_thieu_dang', 'nha_mai_am', 'dv_kho_khan_tham_hoi', 'don_thu_giai_quyet', 'vu_viec_dai_dien', 'chu_ky_so', 'dv_uu_dai', 'dv_ket_nap_moi', 'ld_hoc_nghe', 'can_bo_tap_huan'],
    numericKeys.filter((k) => !wholes.has(k) && !sometimesBlank.has(k)).concat(numericKeys),
  );
  const numberTextCol = firstPresent(keys, ['tong_so_ld', 'so_ld_du_dk', 'so_dv', 'kp_thu', 'kp_phai_thu', 'kp_su_dung'], numericKeys);
  const peopleCol = firstPresent(
    keys,
    ['tong_so_ld', 'so_ld_du_dk', 'so_dv', 'can_bo_cd', 'dv_vhtt', 'dv_hoc_tap'],
    numericKeys.filter((k) => columnDef(k)?.type === 'int'),
  );
  const refCol = firstPresent(keys, ['kp_su_dung', 'kp_thu', 'dv_vhtt', 'dv_hoc_tap', 'dv_uu_dai', 'so_dv'], numericKeys);
  const totalCol = firstPresent(keys, ['so_dv', 'tong_so_ld', 'so_ld_du_dk', 'can_bo_cd', 'kp_thu'], numericKeys);
  const exceedsPair: [string, string] | undefined =
    keys.includes('so_dv') && keys.includes('tong_so_ld')
      ? ['so_dv', 'tong_so_ld']
      : COLUMNS.filter((c) => c.partOf && keys.includes(c.key) && keys.includes(c.partOf)).map(
          (c): [string, string] => [c.key, c.partOf as string],
        )[0];
  const hasRating = keys.includes('xep_loai');

  const { province, education, mix } = mixFor(set);
  const kinds = buildKinds(province, education);
  const legacyUnit = slotUnit.get('legacy');
  const bigUnit = slotUnit.get('number_text');
  const httUnit = slotUnit.get('htt');
  const dashUnit = slotUnit.get('dash');
  const mistakeUnits = new Set(slotUnit.values());

  const pickKind = (): Kind => {
    let x = rand.next();
    for (const [id, w] of mix) {
      if (x < w) return kinds[id];
      x -= w;
    }
    return kinds[mix[0][0]];
  };
  const takeName = (kind: Kind): { kind: Kind; entry: Entry; name: string } => {
    const got = kind.pool.take();
    if (got) return { kind, ...got };
    const fallback = kind.sector === KV_NNN && mix.some(([id]) => id === 'company') ? kinds.company : kinds.school;
    return { kind: fallback, ...(fallback.pool.take() as { entry: Entry; name: string }) };
  };

  const recIndex = Int32Array.from(keys, (k) => REC_INDEX.get(k) ?? -1);
  const blanks = Int32Array.from(blankPairs.flatMap(([col, where]) => [REC_INDEX.get(col) ?? -1, REC_INDEX.get(where) ?? -1]));
  const dashIndex = dashCol && !wholes.has(dashCol) ? (REC_INDEX.get(dashCol) ?? -1) : -1;
  const rec: Cell[] = new Array<Cell>(REC_KEYS.length).fill(null);
  const dataRows = units * years.length;
  for (let i = 0; i < dataRows; i++) rows.push(new Array<RawCell>(width).fill(null));
  const rowIndex = (block: number, unit: number): number => headerRow + block * units + unit; // 0-based
  const codeWidth = max(3, String(units).length);

  for (let u = 0; u < units; u++) {
    // Profile: kind, name, sector, level, size.
    let chosen: { kind: Kind; entry: Entry; name: string };
    const upperSlot = hasCap && u % 15 === 10 && !mistakeUnits.has(u);
    if (u === legacyUnit) {
      chosen = { kind: kinds.school, entry: { prefix: 'Trường THCS', proper: 'Lê Lợi', lo: 22, hi: 75 }, name: LEGACY_PLAIN_NAME };
    } else if (upperSlot) {
      const got = kinds.upper.pool.take();
      chosen = got ? { kind: kinds.upper, ...got } : takeName(pickKind());
    } else {
      chosen = takeName(pickKind());
    }
    const isUpper = chosen.kind.id === 'upper';
    const size = u === bigUnit ? 1250 : rand.logInt(chosen.entry.lo, chosen.entry.hi);
    const sector = chosen.kind.sector;
    const profile: Profile = {
      kind: chosen.kind.id,
      sector,
      upper: isUpper,
      name: isUpper ? chosen.name : `CĐCS ${chosen.name}`,
      size,
      isNew: !isUpper && rand.chance(0.03),
      party: rand.chance(isUpper ? 1 : sector === KV_NN ? 0.9 : 0.3),
      ...(u === httUnit ? { rating: XL_TOT } : {}),
    };
    const code = 'CD' + String(u + 1).padStart(codeWidth, '0');
    let prevSoDv: number | undefined;
    for (let b = 0; b < years.length; b++) {
      const y = years[b];
      const tong =
        y === year ? size : max(12, round(size * (1 + 0.02 * (y - year)) * rand.uniform(0.97, 1.03)));
      const prev = b > 0 && years[b - 1] === y - 1 ? prevSoDv : undefined;
      unitYear(rand, profile, code, y, tong, prev, profile.isNew && b === 0, rec);
      prevSoDv = rec[K.so_dv] as number;
      if (u === dashUnit && b === mainBlock && dashIndex >= 0) rec[dashIndex] = 0;
      for (let k = 0; k < blanks.length; k += 2) if (rec[blanks[k + 1]] !== true) rec[blanks[k]] = null;
      const row = rows[rowIndex(b, u)];
      row[0] = u + 1;
      for (let c = 0; c < recIndex.length; c++) {
        const v = recIndex[c] < 0 ? null : rec[recIndex[c]];
        row[c + 1] = typeof v === 'boolean' ? (v ? 'Có' : 'Không') : v;
      }
    }
  }

  const mistakes: SampleMistake[] = [];
  if (withMistakes) {
    const put = (slot: Slot, key: string | undefined, raw: RawCell, rule: RuleId | 'none', note: string): void => {
      const unit = slotUnit.get(slot);
      if (unit === undefined || key === undefined) return;
      const col = colOf.get(key);
      if (col === undefined) return;
      const r = rowIndex(mainBlock, unit);
      rows[r][col] = raw;
      mistakes.push({ cell: a1(r + 1, col), rule, note, column: key, raw });
    };
    const valueAt = (slot: Slot, key: string | undefined): RawCell => {
      const unit = slotUnit.get(slot);
      const col = key === undefined ? undefined : colOf.get(key);
      return unit === undefined || col === undefined ? null : rows[rowIndex(mainBlock, unit)][col];
    };

    put('legacy', 'ten_don_vi', LEGACY_TCVN3_NAME, 'legacy_encoding', 'Tên đơn vị gõ bằng bảng mã TCVN3 (font .VnTime): "CĐCS Trường THCS Lê Lợi"');
    if (hasRating) {
      put('htt', 'xep_loai', 'HTT', 'none', 'Xếp loại viết tắt "HTT" — được hiểu là Hoàn thành tốt nhiệm vụ, không báo lỗi');
      put('old_scale', 'xep_loai', 'Vững mạnh', 'invalid_choice', 'Xếp loại theo thang cũ (trước 2019) "Vững mạnh"');
    }
    const big = valueAt('number_text', numberTextCol);
    if (typeof big === 'number') {
      put('number_text', numberTextCol, groupThousands(big), 'none', `Số gõ dạng chữ "${groupThousands(big)}" — được đọc là ${big}, không báo lỗi`);
    }
    if (dashCol) put('dash', dashCol, '-', 'not_a_number', 'Gõ "-" thay cho số 0 — hiểu là không có số liệu (cảnh báo)');
    const people = valueAt('with_unit', peopleCol);
    const withUnit = `${typeof people === 'number' ? people : 12} người`;
    put('with_unit', peopleCol, withUnit, 'not_a_number', `Số kèm chữ "${withUnit}"`);
    if (exceedsPair) {
      const whole = valueAt('exceeds', exceedsPair[1]);
      if (typeof whole === 'number') {
        const part = whole + max(1, round(whole * 0.08));
        const wholeHeader = columnDef(exceedsPair[1])?.header ?? exceedsPair[1];
        put('exceeds', exceedsPair[0], part, 'exceeds_total', `${columnDef(exceedsPair[0])?.header} (${part}) lớn hơn ${wholeHeader} (${whole})`);
      }
    }
    put('blank_sector', 'khu_vuc', null, 'required_missing', 'Bỏ trống cột Khu vực');
    const dupUnit = slotUnit.get('duplicate');
    if (dupUnit !== undefined) {
      const prevCode = rows[rowIndex(mainBlock, dupUnit - 1)][colOf.get('ma_don_vi') as number];
      put('duplicate', 'ma_don_vi', prevCode, 'duplicate_unit', `Sao chép dòng trên nhưng quên sửa mã: "${String(prevCode)}" xuất hiện hai lần trong năm ${year}`);
    }
    if (refCol) put('ref_error', refCol, { error: '#REF!' }, 'formula_error', 'Công thức bị lỗi #REF! (ô tham chiếu đã bị xóa)');

    // The unknown column, with a few notes (from their own PRNG stream, so the data stay the same).
    rows[headerRow - 1][notesCol] = 'Ghi chú';
    mistakes.push({ cell: a1(headerRow, notesCol), rule: 'unknown_column', note: 'Cột thêm "Ghi chú" không có trong mẫu', column: 'Ghi chú', raw: 'Ghi chú' });
    const noteRand = new Random(mulberry32((options.seed ?? 1) ^ 0x5eed));
    for (let r = headerRow; r < headerRow + dataRows; r++) {
      if (noteRand.chance(0.06)) rows[r][notesCol] = NOTES[noteRand.int(0, NOTES.length - 1)];
    }

    // Totals row: exact sums of what the engine reads, except one column.
    if (dataRows > 0) {
      const totals = new Array<RawCell>(width).fill(null);
      totals[colOf.get('ten_don_vi') as number] = 'Tổng cộng';
      for (const key of numericKeys) {
        const col = colOf.get(key) as number;
        let sum = 0;
        for (let r = headerRow; r < headerRow + dataRows; r++) sum += numberValue(rows[r][col]) ?? 0;
        totals[col] = sum;
      }
      rows.push(totals);
      if (totalCol) {
        const col = colOf.get(totalCol) as number;
        const sum = totals[col] as number;
        const last = numberValue(rows[headerRow + dataRows - 1][col]);
        const typed = last !== undefined && last > 0 ? sum - last : sum + 10;
        totals[col] = typed;
        mistakes.push({
          cell: a1(rows.length, col),
          rule: 'total_row_mismatch',
          note:
            last !== undefined && last > 0
              ? `Dòng tổng cộng chưa cộng dòng cuối: ghi ${typed}, đúng là ${sum}`
              : `Dòng tổng cộng ghi ${typed}, đúng là ${sum}`,
          column: totalCol,
          raw: typed,
        });
      }
    }
    mistakes.sort((x, y) => cellOrder(x.cell) - cellOrder(y.cell));
  }

  return { grid: { name: SAMPLE_SHEET_NAME, rows }, headerRow, mistakes };
}

function cellOrder(cell: string): number {
  const m = /^([A-Z]+)(\d+)$/.exec(cell);
  if (!m) return 0;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return Number(m[2]) * 1000 + col;
}
