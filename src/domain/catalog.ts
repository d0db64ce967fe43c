/**
 * The column catalog of spec/columns.md: every column of the standard CĐCS data table,
 * its header, type, aliases and the "part ≤ whole" consistency rules.
 */

export type ColumnType = 'text' | 'int' | 'money' | 'bool' | 'choice' | 'year';

/** A canonical choice value and the spellings real returns use for it. */
export interface ChoiceValue {
  readonly value: string;
  readonly variants: readonly string[];
}

export interface ColumnDef {
  readonly key: string;
  readonly header: string;
  readonly type: ColumnType;
  /** Blank is an error (`required_missing`) in every unit row. */
  readonly required?: boolean;
  readonly aliases: readonly string[];
  /** This column is a part of that one: value ≤ the whole's value (`exceeds_total`). */
  readonly partOf?: string;
  readonly choices?: readonly ChoiceValue[];
  /** Spellings that belong to an outdated scale: reported with a hint, never mapped. */
  readonly oldScale?: readonly string[];
}

export const CAP_CDCS = 'CĐCS';
export const CAP_CAP_TREN = 'CĐ cấp trên';
export const KV_NN = 'Nhà nước';
export const KV_NNN = 'Ngoài nhà nước';
export const XL_XUAT_SAC = 'Hoàn thành xuất sắc nhiệm vụ';
export const XL_TOT = 'Hoàn thành tốt nhiệm vụ';
export const XL_HT = 'Hoàn thành nhiệm vụ';
export const XL_KHT = 'Không hoàn thành nhiệm vụ';

/** Hoàn thành tốt nhiệm vụ trở lên. */
export const HTT_PLUS: readonly string[] = [XL_XUAT_SAC, XL_TOT];

const int = (key: string, header: string, partOf?: string, aliases: string[] = []): ColumnDef => ({
  key,
  header,
  type: 'int',
  aliases,
  ...(partOf ? { partOf } : {}),
});
const money = (key: string, header: string, partOf?: string, aliases: string[] = []): ColumnDef => ({
  key,
  header,
  type: 'money',
  aliases,
  ...(partOf ? { partOf } : {}),
});
const bool = (key: string, header: string, aliases: string[] = []): ColumnDef => ({ key, header, type: 'bool', aliases });

export const COLUMNS: readonly ColumnDef[] = [
  // Identity and scope
  { key: 'ma_don_vi', header: 'Mã đơn vị', type: 'text', required: true, aliases: ['Mã CĐCS', 'Mã số', 'Mã'] },
  {
    key: 'ten_don_vi',
    header: 'Tên đơn vị',
    type: 'text',
    required: true,
    aliases: ['Tên CĐCS', 'Tên công đoàn cơ sở', 'Đơn vị', 'Tên đơn vị/CĐCS'],
  },
  {
    key: 'cap',
    header: 'Cấp',
    type: 'choice',
    aliases: [],
    choices: [
      { value: CAP_CDCS, variants: ['công đoàn cơ sở', 'cơ sở', 'CS', 'CDCS', 'nghiệp đoàn'] },
      {
        value: CAP_CAP_TREN,
        variants: ['công đoàn cấp trên trực tiếp cơ sở', 'cấp trên', 'CĐCTTCS', 'LĐLĐ huyện', 'công đoàn ngành'],
      },
    ],
  },
  { key: 'don_vi_cap_tren', header: 'Đơn vị cấp trên', type: 'text', aliases: ['Công đoàn cấp trên', 'Trực thuộc'] },
  {
    key: 'khu_vuc',
    header: 'Khu vực',
    type: 'choice',
    required: true,
    aliases: [],
    choices: [
      {
        value: KV_NN,
        variants: ['khu vực nhà nước', 'KVNN', 'công lập', 'đơn vị công lập', 'HCSN', 'hành chính sự nghiệp', 'NN'],
      },
      {
        value: KV_NNN,
        variants: [
          'ngoài khu vực nhà nước',
          'ngoài công lập',
          'NNN',
          'ngoài NN',
          'tư nhân',
          'doanh nghiệp ngoài nhà nước',
          'FDI',
        ],
      },
    ],
  },
  { key: 'nam', header: 'Năm', type: 'year', aliases: ['Năm báo cáo'] },
  // Contacts of the unit register (`Danh bạ CĐCS`, interfaces.md "Unit register"): never required,
  // read by no indicator, so no template or master table gains them.
  { key: 'nguoi_lien_he', header: 'Người liên hệ', type: 'text', aliases: ['Cán bộ phụ trách', 'Người phụ trách', 'Cán bộ liên hệ', 'Họ tên người liên hệ'] },
  { key: 'dien_thoai', header: 'Điện thoại', type: 'text', aliases: ['Số điện thoại', 'ĐT', 'SĐT', 'Điện thoại liên hệ'] },
  { key: 'email', header: 'Email', type: 'text', aliases: ['E-mail', 'Thư điện tử', 'Địa chỉ email'] },

  // Counts of people
  int('tong_so_ld', 'Tổng số CBCCVCLĐ', undefined, [
    'Tổng số CB, CC, VC, LĐ',
    'Tổng số lao động',
    'Số CBCCVCLĐ',
    'Tổng số CBNGNLĐ',
    'Tổng số người lao động',
  ]),
  int('so_ld_du_dk', 'Số CBCCVCLĐ đủ điều kiện gia nhập', 'tong_so_ld', [
    'Số lao động đủ điều kiện',
    'Số NLĐ đủ điều kiện kết nạp',
  ]),
  int('so_dv_dau_ky', 'Số đoàn viên đầu năm', undefined, ['Đoàn viên đầu kỳ']),
  int('so_dv', 'Số đoàn viên', 'tong_so_ld', ['Tổng số đoàn viên', 'Số ĐV', 'Đoàn viên cuối kỳ', 'Số đoàn viên cuối năm']),
  int('dv_ket_nap_moi', 'Số đoàn viên kết nạp mới', 'so_dv', ['ĐV kết nạp mới', 'Phát triển đoàn viên mới']),
  int('dv_sang_kien', 'Số ĐV đăng ký sáng kiến, giải pháp', 'so_dv', [
    'Số đoàn viên đăng ký sáng kiến',
    'ĐV đăng ký SK',
  ]),
  int('dv_hoc_tap', 'Số ĐV, NLĐ được học tập, quán triệt nghị quyết', 'tong_so_ld', [
    'Số ĐV được học tập nghị quyết',
    'Số ĐV, NLĐ được tuyên truyền',
  ]),
  int('dv_uu_dai', 'Số ĐV hưởng sản phẩm, dịch vụ ưu đãi', 'so_dv'),
  int('dv_kho_khan', 'Số ĐV có hoàn cảnh khó khăn', 'so_dv'),
  int('dv_kho_khan_tham_hoi', 'Số ĐV khó khăn được thăm hỏi, tặng quà', 'dv_kho_khan'),
  int('dv_vhtt', 'Số ĐV, NLĐ tham gia hoạt động VHVN-TDTT', 'tong_so_ld', [
    'Số ĐV tham gia văn hóa, văn nghệ, thể dục thể thao',
  ]),
  int('dv_gioi_thieu_dang', 'Số ĐV ưu tú giới thiệu cho Đảng'),
  int('ld_hoc_nghe', 'Số NLĐ học tập nâng cao trình độ, kỹ năng nghề', 'tong_so_ld'),
  int('can_bo_cd', 'Số cán bộ CĐCS', undefined, ['Số cán bộ công đoàn']),
  int('can_bo_tap_huan', 'Số cán bộ CĐCS được tập huấn', 'can_bo_cd'),
  int('chu_ky_so', 'Số ĐV, NLĐ được cài chữ ký số', 'tong_so_ld'),
  int('ho_ngheo_dau_ky', 'Số hộ nghèo, cận nghèo đầu năm'),
  int('ho_ngheo_cuoi_ky', 'Số hộ nghèo, cận nghèo cuối năm'),
  int('nha_mai_am', 'Số nhà Mái ấm công đoàn hỗ trợ'),
  int('don_thu', 'Số đơn thư thuộc thẩm quyền'),
  int('don_thu_giai_quyet', 'Số đơn thư đã giải quyết', 'don_thu'),
  int('vu_viec_tu_van', 'Số vụ việc cần tư vấn, tranh tụng'),
  int('vu_viec_dai_dien', 'Số vụ việc có đại diện công đoàn tham gia', 'vu_viec_tu_van'),

  // Money (đồng)
  money('kp_thu', 'Kinh phí công đoàn đã thu'),
  money('kp_phai_thu', 'Kinh phí, đoàn phí phải thu'),
  money('kp_su_dung', 'Kinh phí CĐCS được sử dụng', 'kp_thu'),

  // Yes/no facts
  bool('cdcs_moi', 'Thành lập mới trong năm'),
  bool('co_ke_hoach', 'Có chương trình, kế hoạch gắn nhiệm vụ chính trị'),
  bool('dang_ky_thi_dua', 'Đăng ký thi đua hoàn thành tốt nhiệm vụ trở lên'),
  bool('phat_dong_cds', 'Phát động thi đua chuyển đổi số'),
  bool('dang_ky_vh', 'Đăng ký xây dựng cơ quan đạt chuẩn văn hóa'),
  bool('dat_chuan_vh', 'Được công nhận đạt chuẩn văn hóa'),
  bool('trien_khai_hoc_tap', 'Phối hợp triển khai học tập, quán triệt nghị quyết'),
  bool('hoi_nghi_cbcc', 'Tổ chức hội nghị CBCCVC / hội nghị NLĐ'),
  bool('doi_thoai', 'Tổ chức đối thoại tại nơi làm việc'),
  bool('cong_khai_tc', 'Công khai tài chính'),
  bool('kiem_tra_tc', 'Được cấp trên kiểm tra tài chính'),
  bool('tu_kiem_tra_tc', 'Tự kiểm tra tài chính cùng cấp'),
  bool('kiem_tra_dieu_le', 'Được giám sát, kiểm tra chấp hành Điều lệ'),
  bool('co_to_chuc_dang', 'Có tổ chức cơ sở đảng'),
  bool('chu_tich_bau_moi', 'Chủ tịch CĐCS bầu mới trong năm'),
  bool('chu_tich_dao_tao', 'Chủ tịch bầu mới được đào tạo, bồi dưỡng'),
  bool('quy_hoach_cb', 'Thực hiện quy hoạch cán bộ công đoàn'),
  bool('danh_gia_uy_vien', 'BCH đánh giá ủy viên trong năm'),
  bool('ban_nu_cong', 'Có Ban nữ công quần chúng'),
  bool('tuldtt', 'Ký kết thỏa ước lao động tập thể'),

  // Rating
  {
    key: 'xep_loai',
    header: 'Xếp loại',
    type: 'choice',
    aliases: ['Xếp loại CĐCS', 'Kết quả xếp loại', 'Xếp loại chất lượng'],
    choices: [
      { value: XL_XUAT_SAC, variants: ['HTXSNV', 'HTXS', 'xuất sắc', 'hoàn thành xuất sắc'] },
      { value: XL_TOT, variants: ['HTTNV', 'HTT', 'tốt', 'hoàn thành tốt', 'hoàn thành tốt NV'] },
      { value: XL_HT, variants: ['HTNV', 'HT', 'hoàn thành'] },
      { value: XL_KHT, variants: ['KHTNV', 'KHT', 'không hoàn thành'] },
    ],
    oldScale: ['Vững mạnh xuất sắc', 'Vững mạnh', 'Khá', 'Trung bình', 'Yếu'],
  },
];

const BY_KEY = new Map(COLUMNS.map((c) => [c.key, c]));

/**
 * The catalog entry for a key, or undefined for a key the catalog does not know.
 *
 * @example
 * columnDef('so_dv')?.header // 'Số đoàn viên'
 */
export function columnDef(key: string): ColumnDef | undefined {
  return BY_KEY.get(key);
}

/** Columns every data table has, whatever the target set: identity and scope. */
export const IDENTITY_KEYS: readonly string[] = ['ma_don_vi', 'ten_don_vi', 'cap', 'don_vi_cap_tren', 'khu_vuc', 'nam'];

/** Headers of a row-numbering column, recognised and ignored. */
export const ROW_NUMBER_HEADERS: readonly string[] = ['STT', 'TT', 'Số TT'];
