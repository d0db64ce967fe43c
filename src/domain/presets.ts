/**
 * The five built-in target sets of spec/indicators.md, one per program document in
 * shared/seeds/ (section II, "chỉ tiêu"). Descriptions quote the document's own words.
 * They are only the starting content of a workbook's `Chỉ tiêu` sheet, which users may edit.
 */
import { CAP_CAP_TREN, HTT_PLUS, KV_NN, KV_NNN, XL_KHT } from './catalog';
import { percent, whole } from './rational';
import type { Condition, Target, TargetSet, YearTarget } from './targetSet';

/** ≥ p% */
const atLeastPct = (p: number): Target => ({ comparator: '>=', value: percent(p) });
/** > p% */
const abovePct = (p: number): Target => ({ comparator: '>', value: percent(p) });
/** ≥ n (a plain number) */
const atLeast = (n: number): Target => ({ comparator: '>=', value: whole(n) });
/** ≤ 0: "không có …" */
const none: Target = { comparator: '<=', value: whole(0) };
/** A range a%–b%, met when actual ≥ a%. */
const rangePct = (a: number, b: number): Target => ({ comparator: '>=', value: percent(a), upper: percent(b) });
/** Year-dependent ≥ p% list: [byYear, p] pairs. */
const byYears = (pairs: readonly (readonly [number, number])[]): YearTarget[] =>
  pairs.map(([byYear, p]) => ({ byYear, target: atLeastPct(p) }));

const HTT: Condition = { column: 'xep_loai', values: HTT_PLUS };
const KHT: Condition = { column: 'xep_loai', values: [XL_KHT] };

const BD_CDVC_2024: TargetSet = {
  id: 'bd-cdvc-2024',
  title:
    'Đổi mới và nâng cao chất lượng hoạt động công đoàn gắn với thực hiện nhiệm vụ chính trị của các cơ quan, đơn vị',
  document: 'Chương trình số 06/CTr-CĐVC ngày 16/9/2024',
  documentNumber: '06/CTr-CĐVC',
  issuer: 'CÔNG ĐOÀN VIÊN CHỨC TỈNH BÌNH ĐỊNH',
  parentIssuer: 'LIÊN ĐOÀN LAO ĐỘNG TỈNH BÌNH ĐỊNH',
  place: 'Bình Định',
  section: 'mục II',
  source: '000_04690bb8481b653f.txt',
  indicators: [
    {
      id: 'co_ke_hoach',
      kind: 'unit_share',
      condition: { column: 'co_ke_hoach' },
      label: 'CĐCS có kế hoạch gắn nhiệm vụ chính trị',
      description:
        'Hàng năm, 100% các công đoàn cơ sở trực thuộc xây dựng chương trình, kế hoạch hoạt động công đoàn gắn với nhiệm vụ chính trị của cơ quan, đơn vị.',
      scope: {},
      target: atLeastPct(100),
    },
    {
      id: 'dang_ky_thi_dua',
      kind: 'unit_share',
      condition: { column: 'dang_ky_thi_dua' },
      label: 'CĐCS đăng ký thi đua HTT nhiệm vụ trở lên',
      description: 'Hằng năm, 100% CĐCS đăng ký thi đua hoàn thành tốt nhiệm vụ trở lên',
      scope: {},
      target: atLeastPct(100),
    },
    {
      id: 'khong_kht',
      kind: 'unit_count',
      condition: KHT,
      label: 'Số CĐCS không hoàn thành nhiệm vụ',
      description: 'không có CĐCS không hoàn thành nhiệm vụ.',
      scope: {},
      target: none,
    },
    {
      id: 'bao_phu_dv',
      kind: 'ratio',
      num: 'so_dv',
      den: 'so_ld_du_dk',
      perUnit: true,
      label: 'Đoàn viên / CBCCVCLĐ đủ điều kiện',
      description:
        'Phát triển đoàn viên đạt 100% CBCCVCLĐ là đoàn viên công đoàn (tính trên tổng số CBCCVCLĐ đủ điều kiện gia nhập vào tổ chức công đoàn).',
      scope: {},
      target: atLeastPct(100),
    },
    {
      id: 'phat_dong_cds',
      kind: 'unit_share',
      condition: { column: 'phat_dong_cds' },
      label: 'CĐCS phát động thi đua chuyển đổi số',
      description: 'Hàng năm, 100% CĐCS phát động phong trào thi đua thực hiện chuyển đổi số.',
      scope: {},
      target: atLeastPct(100),
    },
    {
      id: 'sang_kien_15',
      kind: 'unit_threshold',
      num: 'dv_sang_kien',
      den: 'so_dv',
      unitTarget: atLeastPct(15),
      label: 'ĐV đăng ký sáng kiến ≥ 15%',
      description:
        'Hàng năm, mỗi CĐCS có ít nhất 15% đoàn viên đăng ký thực hiện sáng kiến, giải pháp áp dụng có hiệu quả vào công việc.',
      scope: {},
      target: atLeastPct(100),
    },
    {
      id: 'dang_ky_vh',
      kind: 'unit_share',
      condition: { column: 'dang_ky_vh' },
      label: 'CĐCS đăng ký xây dựng đơn vị đạt chuẩn VH',
      description:
        'Hàng năm, 100% Ban Chấp hành các CĐCS phối hợp với Thủ trưởng cơ quan, đơn vị đăng ký và thực hiện xây dựng cơ quan, đơn vị đạt chuẩn văn hóa',
      scope: {},
      target: atLeastPct(100),
    },
    {
      id: 'dat_chuan_vh',
      kind: 'unit_share',
      condition: { column: 'dat_chuan_vh' },
      label: 'Cơ quan, đơn vị đạt chuẩn văn hóa',
      description: 'phấn đấu 95% được công nhận cơ quan, đơn vị đạt chuẩn văn hóa.',
      scope: {},
      target: atLeastPct(95),
    },
  ],
};

const BD_CDVC_NQ02: TargetSet = {
  id: 'bd-cdvc-nq02',
  title:
    'Kế hoạch thực hiện Nghị quyết số 02-NQ/TW ngày 12/6/2021 của Bộ Chính trị về “Đổi mới tổ chức và hoạt động của Công đoàn Việt Nam trong tình hình mới”',
  // The plan carries no number or date of its own in the document.
  document: 'Kế hoạch thực hiện Nghị quyết 02-NQ/TW',
  documentNumber: 'KH thực hiện NQ 02-NQ/TW',
  issuer: 'CÔNG ĐOÀN VIÊN CHỨC TỈNH BÌNH ĐỊNH',
  parentIssuer: 'LIÊN ĐOÀN LAO ĐỘNG TỈNH BÌNH ĐỊNH',
  place: 'Bình Định',
  section: 'mục II',
  source: '001_ca383bcd690022c5.txt',
  indicators: [
    {
      id: 'trien_khai_hoc_tap',
      kind: 'unit_share',
      condition: { column: 'trien_khai_hoc_tap' },
      label: 'CĐCS phối hợp triển khai học tập nghị quyết',
      description:
        'Phấn đấu hàng năm, 100% CĐCS phối hợp triển khai học tập, quán triệt, phổ biến các chỉ thị, nghị quyết của Đảng, chính sách pháp luật của Nhà nước, nghị quyết của Công đoàn',
      scope: {},
      target: atLeastPct(100),
    },
    {
      id: 'hoc_tap_dv',
      kind: 'ratio',
      num: 'dv_hoc_tap',
      den: 'so_dv',
      label: 'ĐV được học tập, quán triệt nghị quyết',
      description:
        'có trên 95% đoàn viên công đoàn được học tập, quán triệt nghị quyết của Đảng, công đoàn, chính sách pháp luật của Nhà nước, thông tin thời sự dưới nhiều thức.',
      scope: {},
      target: abovePct(95),
    },
    {
      id: 'hoi_nghi_cbcc',
      kind: 'unit_share',
      condition: { column: 'hoi_nghi_cbcc' },
      label: 'Đơn vị tổ chức hội nghị cán bộ, công chức',
      description: '100% cơ quan, đơn vị tổ chức hội nghị cán bộ, công chức theo quy định.',
      scope: {},
      target: atLeastPct(100),
    },
    {
      id: 'uu_dai',
      kind: 'ratio',
      num: 'dv_uu_dai',
      den: 'so_dv',
      label: 'ĐV hưởng sản phẩm, dịch vụ ưu đãi',
      description:
        'Phấn đấu có 20% số đoàn viên trở lên được hưởng các sản phẩm, dịch vụ ưu đãi từ các đối tác đã ký kết chương trình phối hợp',
      scope: {},
      target: atLeastPct(20),
    },
    {
      id: 'tham_hoi',
      kind: 'ratio',
      num: 'dv_kho_khan_tham_hoi',
      den: 'dv_kho_khan',
      label: 'ĐV khó khăn được thăm hỏi, tặng quà',
      description: '100% đoàn viên được thăm hỏi, tặng quà khi có hoàn cảnh khó khăn',
      scope: {},
      target: atLeastPct(100),
    },
    {
      id: 'vhtt',
      kind: 'ratio',
      num: 'dv_vhtt',
      den: 'tong_so_ld',
      label: 'ĐV, NLĐ tham gia hoạt động VHVN-TDTT',
      description:
        '75% đoàn viên, người lao động được tham gia các hoạt động văn hóa, văn nghệ, thể dục thể thao, tham quan, nghỉ mát do công đoàn tổ chức hoặc phối hợp tổ chức.',
      scope: {},
      target: atLeastPct(75),
    },
    {
      id: 'ket_nap',
      kind: 'ratio',
      num: 'so_dv',
      den: 'so_ld_du_dk',
      perUnit: true,
      label: 'NLĐ đủ điều kiện được kết nạp công đoàn',
      description: '100% người lao động đủ điều kiện được kết nạp vào công đoàn.',
      scope: {},
      target: atLeastPct(100),
    },
    {
      id: 'gioi_thieu_dang',
      kind: 'mean',
      column: 'dv_gioi_thieu_dang',
      label: 'Bình quân ĐV ưu tú giới thiệu cho Đảng',
      description:
        'Phấn đấu bình quân mỗi công đoàn cơ sở giới thiệu ít nhất 01 đoàn viên ưu tú cho Đảng xem xét, bồi dưỡng kết nạp (đối với những nơi có tổ chức cơ sở đảng và còn nguồn phát triển).',
      scope: { where: 'co_to_chuc_dang' },
      target: atLeast(1),
    },
    {
      id: 'htt_tro_len',
      kind: 'unit_share',
      condition: HTT,
      label: 'CĐCS hoàn thành tốt nhiệm vụ trở lên',
      description: 'Phấn đấu trên 95% trở lên công đoàn cơ sở đạt loại hoàn thành tốt nhiệm vụ',
      scope: {},
      target: atLeastPct(95),
    },
    {
      id: 'khong_kht',
      kind: 'unit_count',
      condition: KHT,
      label: 'Số CĐCS không hoàn thành nhiệm vụ',
      description: 'không có CĐCS không hoàn thành nhiệm vụ.',
      scope: {},
      target: none,
    },
    {
      id: 'su_dung_kp',
      kind: 'ratio',
      num: 'kp_su_dung',
      den: 'kp_thu',
      perUnit: true,
      label: 'CĐCS được sử dụng kinh phí công đoàn',
      description: 'Công đoàn cơ sở được sử dụng 75% số thu kinh phí công đoàn của đơn vị',
      scope: {},
      target: atLeastPct(75),
    },
    {
      id: 'cong_khai_tc',
      kind: 'unit_share',
      condition: { column: 'cong_khai_tc' },
      label: 'CĐCS công khai tài chính',
      description: '100% công đoàn cơ sở thực hiện công khai tài chính theo quy định của Tổng Liên đoàn',
      scope: {},
      target: atLeastPct(100),
    },
    {
      id: 'kiem_tra_tc',
      kind: 'unit_share',
      condition: { column: 'kiem_tra_tc' },
      label: 'CĐCS được kiểm tra, quyết toán tài chính',
      description: '100% công đoàn cơ sở được kiểm tra, quyết toán tài chính đồng cấp.',
      scope: {},
      target: atLeastPct(100),
    },
  ],
};

const BT_LDLD_2024: TargetSet = {
  id: 'bt-ldld-2024',
  title: 'Chương trình công tác công đoàn năm 2024',
  document: 'Chương trình số 02/CTr-LĐLĐ ngày 11/01/2024',
  documentNumber: '02/CTr-LĐLĐ',
  issuer: 'LIÊN ĐOÀN LAO ĐỘNG TỈNH BẾN TRE',
  place: 'Bến Tre',
  section: 'mục II',
  source: '002_61b455b33068824b.txt',
  indicators: [
    {
      id: 'tuyen_truyen',
      kind: 'ratio',
      num: 'dv_hoc_tap',
      den: 'tong_so_ld',
      label: 'ĐV, NLĐ được tuyên truyền, học tập nghị quyết',
      description:
        'Có 90% đến 95% đoàn viên, người lao động được tuyên truyền, phổ biến, học tập, quán triệt chủ trương, nghị quyết của Đảng, chính sách, pháp luật của Nhà nước liên quan đến lao động và công đoàn',
      scope: {},
      target: rangePct(90, 95),
    },
    {
      id: 'hoc_nghe_dn',
      kind: 'ratio',
      num: 'ld_hoc_nghe',
      den: 'tong_so_ld',
      label: 'NLĐ doanh nghiệp học nâng cao kỹ năng nghề',
      description:
        'Công đoàn tham gia thúc đẩy để ít nhất 70% người lao động tại các doanh nghiệp tham gia học tập nâng cao trình độ, kỹ năng nghề nghiệp.',
      scope: { sector: KV_NNN },
      target: atLeastPct(70),
    },
    {
      id: 'phat_trien_dv',
      kind: 'sum',
      column: 'dv_ket_nap_moi',
      label: 'Đoàn viên kết nạp mới',
      description: 'Phát triển mới 9.000 đoàn viên',
      scope: {},
      target: atLeast(9000),
    },
    {
      id: 'tang_dv',
      kind: 'change',
      start: 'so_dv_dau_ky',
      end: 'so_dv',
      label: 'Số đoàn viên tăng thêm',
      description: 'tăng thêm 3.500 đoàn viên trở lên.',
      scope: {},
      target: atLeast(3500),
    },
    {
      id: 'cdcs_moi',
      kind: 'unit_count',
      condition: { column: 'cdcs_moi' },
      label: 'CĐCS thành lập mới',
      description:
        'Thành lập 20 Công đoàn cơ sở mới, trong đó ưu tiên thành lập trong doanh nghiệp có từ 25 lao động trở lên.',
      scope: {},
      target: atLeast(20),
    },
    {
      id: 'gioi_thieu_dang',
      kind: 'mean',
      column: 'dv_gioi_thieu_dang',
      label: 'Bình quân ĐV ưu tú giới thiệu cho Đảng',
      description:
        'Bình quân mỗi Công đoàn cơ sở giới thiệu ít nhất 01 đoàn viên ưu tú cho Đảng xem xét, bồi dưỡng kết nạp.',
      scope: {},
      target: atLeast(1),
    },
    {
      id: 'dao_tao_chu_tich',
      kind: 'unit_share',
      condition: { column: 'chu_tich_dao_tao' },
      label: 'Chủ tịch CĐCS bầu mới được đào tạo',
      description: '100% Chủ tịch Công đoàn cơ sở bầu mới được đào tạo, bồi dưỡng với hình thức phù hợp.',
      scope: { where: 'chu_tich_bau_moi' },
      target: atLeastPct(100),
    },
    {
      id: 'cap_tren_htt',
      kind: 'unit_share',
      condition: HTT,
      label: 'CĐ cấp trên hoàn thành tốt nhiệm vụ',
      description:
        'Ít nhất 85% Công đoàn cấp trên trực tiếp cơ sở xếp loại hoàn thành tốt nhiệm vụ',
      scope: { level: CAP_CAP_TREN },
      target: atLeastPct(85),
    },
    {
      id: 'htt_nn',
      kind: 'unit_share',
      condition: HTT,
      label: 'CĐCS khu vực nhà nước HTT nhiệm vụ',
      description:
        'ít nhất 82% Công đoàn cơ sở khu vực nhà nước và 60% Công đoàn cơ sở ngoài khu vực nhà nước xếp loại hoàn thành tốt nhiệm vụ.',
      scope: { sector: KV_NN },
      target: atLeastPct(82),
    },
    {
      id: 'htt_nnn',
      kind: 'unit_share',
      condition: HTT,
      label: 'CĐCS ngoài nhà nước HTT nhiệm vụ',
      description:
        'ít nhất 82% Công đoàn cơ sở khu vực nhà nước và 60% Công đoàn cơ sở ngoài khu vực nhà nước xếp loại hoàn thành tốt nhiệm vụ.',
      scope: { sector: KV_NNN },
      target: atLeastPct(60),
    },
    {
      id: 'mai_am',
      kind: 'sum',
      column: 'nha_mai_am',
      label: 'Nhà Mái ấm công đoàn hỗ trợ xây dựng',
      description:
        'Tiếp tục triển khai chương trình xây dựng “Mái ấm Công đoàn” “Nghĩa tình đồng nghiệp”, “Nhà tình thương” cho đoàn viên, người lao động thuộc hộ nghèo, cận nghèo, hoàn cảnh khó khăn nhất là đối tượng người lao động trong các doanh nghiệp, phân đầu hỗ trợ xây dựng 30 căn nhà trở lên.',
      scope: { level: 'all' },
      target: atLeast(30),
    },
    {
      id: 'giam_ho_ngheo',
      kind: 'reduction',
      start: 'ho_ngheo_dau_ky',
      end: 'ho_ngheo_cuoi_ky',
      label: 'Giảm tỷ lệ hộ nghèo, cận nghèo',
      description:
        'chỉ tiêu phân đầu mỗi năm giảm từ 6 đến 10% tỷ lệ hộ nghèo, cận nghèo trong đoàn viên, người lao động trên địa bàn tỉnh.',
      scope: { level: 'all' },
      target: rangePct(6, 10),
    },
    {
      id: 'kiem_tra_cap_tren',
      kind: 'unit_share',
      condition: { column: 'kiem_tra_tc' },
      label: 'CĐ cấp trên được tỉnh kiểm tra tài chính',
      description: 'Tỉnh kiểm tra giám sát tài chính và Điều lệ ít nhất 30% Công đoàn cấp trên trực tiếp cơ sở',
      scope: { level: CAP_CAP_TREN },
      target: atLeastPct(30),
    },
    {
      id: 'tu_kiem_tra_cap_tren',
      kind: 'unit_share',
      condition: { column: 'tu_kiem_tra_tc' },
      label: 'CĐ cấp trên tự kiểm tra tài chính cùng cấp',
      description:
        '100% Công đoàn cấp trên trực tiếp cơ sở trở lên thực hiện kiểm tra tài chính cùng cấp trước khi gửi báo cáo quyết toán về công đoàn cấp trên',
      scope: { level: CAP_CAP_TREN },
      target: atLeastPct(100),
    },
    {
      id: 'kiem_tra_tc_cdcs',
      kind: 'unit_share',
      condition: { column: 'kiem_tra_tc' },
      label: 'CĐCS được cấp trên kiểm tra tài chính',
      description: 'Công đoàn cơ sở được công đoàn cấp trên kiểm tra tài chính ít nhất 10%',
      scope: {},
      target: atLeastPct(10),
    },
    {
      id: 'giam_sat_dieu_le',
      kind: 'unit_share',
      condition: { column: 'kiem_tra_dieu_le' },
      label: 'CĐCS được giám sát, kiểm tra Điều lệ',
      description: 'giám sát và kiểm tra chấp hành Điều lệ Công đoàn cấp dưới ít nhất 5%',
      scope: {},
      target: atLeastPct(5),
    },
    {
      id: 'don_thu',
      kind: 'ratio',
      num: 'don_thu_giai_quyet',
      den: 'don_thu',
      label: 'Đơn thư thuộc thẩm quyền được giải quyết',
      description: 'giải quyết 100% đơn thư khiếu nại, tố cáo thuộc thẩm quyền của công đoàn.',
      scope: { level: 'all' },
      target: atLeastPct(100),
    },
    {
      id: 'phan_bien',
      kind: 'manual',
      unitLabel: 'cuộc',
      label: 'Cuộc phản biện xã hội cấp tỉnh chủ trì',
      description:
        'Cấp tỉnh chủ trì phản biện xã hội ít nhất 01 cuộc đối với dự thảo văn bản của cấp ủy, chính quyền theo Quyết định số 217-QĐ/TW ngày 12/12/2013 của Bộ Chính trị có nội dung liên quan đến tổ chức và hoạt động công đoàn.',
      scope: {},
      target: atLeast(1),
    },
    {
      id: 'chu_ky_so',
      kind: 'sum',
      column: 'chu_ky_so',
      label: 'ĐV, NLĐ được cài chữ ký số',
      description: 'phân đầu cài đặt chữ ký số VNPT SmartCA cho 3.000 đoàn viên, người lao động.',
      scope: { level: 'all' },
      target: atLeast(3000),
    },
  ],
};

const HTT_CDGD =
  'Hàng năm có ít nhất 90% CĐCS khu vực nhà nước, 55% CĐCS khu vực ngoài nhà nước được xếp loại hoàn thành tốt nhiệm vụ trở lên.';

const CDGD_CT1_2024: TargetSet = {
  id: 'cdgd-ct1-2024',
  title: 'Nâng cao năng lực cán bộ công đoàn cơ sở đáp ứng yêu cầu nhiệm vụ trong tình hình mới',
  document: 'Chương trình 1 ban hành kèm theo Quyết định số 348/QĐ-CĐN ngày 12/9/2024',
  documentNumber: '348/QĐ-CĐN',
  issuer: 'CÔNG ĐOÀN GIÁO DỤC VIỆT NAM',
  place: 'Hà Nội',
  section: 'mục II',
  source: '003_7ec6ee7c65e35046.txt',
  milestones: ['Sơ kết: quý 3/2026', 'Tổng kết: quý 3/2028'],
  indicators: [
    {
      id: 'tap_huan_can_bo',
      kind: 'ratio',
      num: 'can_bo_tap_huan',
      den: 'can_bo_cd',
      perUnit: true,
      label: 'Cán bộ CĐCS được tập huấn, bồi dưỡng',
      description:
        '100% cán bộ công đoàn cơ sở được tập huấn, bồi dưỡng nâng cao năng lực, kỹ năng hoạt động công đoàn ít nhất 01 lần/ năm.',
      scope: {},
      target: atLeastPct(100),
    },
    {
      id: 'quy_hoach_cb',
      kind: 'unit_share',
      condition: { column: 'quy_hoach_cb' },
      label: 'CĐCS thực hiện quy hoạch cán bộ công đoàn',
      description:
        '100% công đoàn cơ sở triển khai thực hiện nghiêm túc công tác quy hoạch cán bộ công đoàn; đào tạo, bồi dưỡng cán bộ quy hoạch đảm bảo tiêu chuẩn chức danh và bổ trí, sử dụng cán bộ phù hợp, hiệu quả.',
      scope: {},
      target: atLeastPct(100),
    },
    {
      id: 'danh_gia_uy_vien',
      kind: 'unit_share',
      condition: { column: 'danh_gia_uy_vien' },
      label: 'BCH CĐCS đánh giá ủy viên trong năm',
      description:
        'Ban chấp hành CĐCS tổ chức đánh giá kết quả thực hiện nhiệm vụ của các ủy viên ít nhất 01 lần/ năm, kịp thời điều chỉnh, bổ sung phân công nhiệm vụ đối với các ủy viên cho phù hợp.',
      scope: {},
      target: atLeastPct(100),
    },
    {
      id: 'htt_nn',
      kind: 'unit_share',
      condition: HTT,
      label: 'CĐCS khu vực nhà nước HTT nhiệm vụ trở lên',
      description: HTT_CDGD,
      scope: { sector: KV_NN },
      target: atLeastPct(90),
    },
    {
      id: 'htt_nnn',
      kind: 'unit_share',
      condition: HTT,
      label: 'CĐCS ngoài nhà nước HTT nhiệm vụ trở lên',
      description: HTT_CDGD,
      scope: { sector: KV_NNN },
      target: atLeastPct(55),
    },
  ],
};

const HY_HOI_NGHI =
  '100% cơ quan, đơn vị công lập tổ chức Hội nghị Cán bộ, công chức, viên chức; 95% trở lên đơn vị ngoài công lập tổ chức Hội nghị Người lao động và các hình thức dân chủ khác theo quy định của pháp luật.';
const HY_HTT = '100% CĐCS các đơn vị công lập và 55% trở lên CĐCS ngoài công lập đạt loại hoàn thành tốt nhiệm vụ.';
const HY_NU_CONG =
  'Phấn đấu có 100% CĐCS các đơn vị công lập, 85% CĐCS các đơn vị ngoài công lập đủ điều kiện thành lập được Ban nữ công quần chúng theo quy định của Điều lệ CĐVN.';

const HY_CDGD_NQ02: TargetSet = {
  id: 'hy-cdgd-nq02',
  title:
    'Chương trình hành động thực hiện Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng và Nghị quyết số 02-NQ/TW ngày 12/6/2021 của Bộ Chính trị về “Đổi mới tổ chức và hoạt động của Công đoàn Việt Nam trong tình hình mới”',
  document: 'Chương trình hành động số 04/CTrHĐ-CĐN ngày 22/10/2021',
  documentNumber: '04/CTrHĐ-CĐN',
  issuer: 'CÔNG ĐOÀN NGÀNH GIÁO DỤC VÀ ĐÀO TẠO HƯNG YÊN',
  // The document implements and reports to the programme of LĐLĐ tỉnh Hưng Yên, its parent body.
  parentIssuer: 'LIÊN ĐOÀN LAO ĐỘNG TỈNH HƯNG YÊN',
  place: 'Hưng Yên',
  section: 'mục II',
  source: '004_117435eb2adc0400.txt',
  indicators: [
    {
      id: 'hoc_tap',
      kind: 'ratio',
      num: 'dv_hoc_tap',
      den: 'tong_so_ld',
      label: 'ĐV, CBNGNLĐ được học tập, quán triệt',
      description:
        'Phấn đấu có 85% trở lên đoàn viên, CBNGNLĐ được tham gia học tập, quán triệt, tiếp nhận thông tin về chủ trương, đường lối, nghị quyết của Đảng, chính sách pháp luật của Nhà nước, nội quy, quy chế, quy định của ngành, địa phương, cơ quan.',
      scope: {},
      target: atLeastPct(85),
    },
    {
      id: 'doi_thoai_nnn',
      kind: 'unit_share',
      condition: { column: 'doi_thoai' },
      label: 'Đơn vị ngoài công lập tổ chức đối thoại',
      description: 'Phấn đấu có 90% trở lên đơn vị ngoài công lập tổ chức đối thoại tại nơi làm việc',
      scope: { sector: KV_NNN },
      target: atLeastPct(90),
    },
    {
      id: 'hoi_nghi_nn',
      kind: 'unit_share',
      condition: { column: 'hoi_nghi_cbcc' },
      label: 'Đơn vị công lập tổ chức Hội nghị CBCCVC',
      description: HY_HOI_NGHI,
      scope: { sector: KV_NN },
      target: atLeastPct(100),
    },
    {
      id: 'hoi_nghi_nnn',
      kind: 'unit_share',
      condition: { column: 'hoi_nghi_cbcc' },
      label: 'Đơn vị ngoài công lập tổ chức Hội nghị NLĐ',
      description: HY_HOI_NGHI,
      scope: { sector: KV_NNN },
      target: atLeastPct(95),
    },
    {
      id: 'cap_tren_htt',
      kind: 'unit_share',
      condition: HTT,
      label: 'CĐGD tỉnh hoàn thành tốt nhiệm vụ',
      description:
        'Phấn đấu 100% CĐ cấp trên trực tiếp cơ sở (CĐGD tỉnh) đạt hoàn thành tốt nhiệm vụ',
      scope: { level: CAP_CAP_TREN },
      target: atLeastPct(100),
    },
    {
      id: 'htt_nn',
      kind: 'unit_share',
      condition: HTT,
      label: 'CĐCS công lập hoàn thành tốt nhiệm vụ',
      description: HY_HTT,
      scope: { sector: KV_NN },
      target: atLeastPct(100),
    },
    {
      id: 'htt_nnn',
      kind: 'unit_share',
      condition: HTT,
      label: 'CĐCS ngoài công lập hoàn thành tốt nhiệm vụ',
      description: HY_HTT,
      scope: { sector: KV_NNN },
      target: atLeastPct(55),
    },
    {
      id: 'uu_dai',
      kind: 'ratio',
      num: 'dv_uu_dai',
      den: 'so_dv',
      label: 'ĐV hưởng sản phẩm, dịch vụ ưu đãi',
      description:
        'Phấn đấu có 20% số đoàn viên trở lên được hưởng các sản phẩm, dịch vụ ưu đãi từ các đối tác đã ký kết chương trình phối hợp với tổ chức công đoàn',
      scope: {},
      target: atLeastPct(20),
    },
    {
      id: 'tham_hoi',
      kind: 'ratio',
      num: 'dv_kho_khan_tham_hoi',
      den: 'dv_kho_khan',
      label: 'ĐV khó khăn được thăm hỏi, tặng quà',
      description: '100% đoàn viên được thăm hỏi, tặng quà khi có hoàn cảnh khó khăn',
      scope: {},
      target: atLeastPct(100),
    },
    {
      id: 'vhtt',
      kind: 'ratio',
      num: 'dv_vhtt',
      den: 'tong_so_ld',
      label: 'ĐV, CBNGNLĐ tham gia hoạt động VHVN-TDTT',
      description:
        '85% số đoàn viên, CBNGNLĐ được tham gia các hoạt động văn hóa, văn nghệ, thể dục thể thao, tham quan, nghỉ mát do Công đoàn tổ chức hoặc phối hợp tổ chức.',
      scope: {},
      target: atLeastPct(85),
    },
    {
      id: 'su_dung_kp',
      kind: 'ratio',
      num: 'kp_su_dung',
      den: 'kp_thu',
      perUnit: true,
      label: 'CĐCS được sử dụng kinh phí công đoàn',
      description: 'Công đoàn cơ sở được sử dụng 72% số thu kinh phí Công đoàn của đơn vị',
      scope: {},
      target: atLeastPct(72),
    },
    {
      id: 'cong_khai_tc',
      kind: 'unit_share',
      condition: { column: 'cong_khai_tc' },
      label: 'Các cấp công đoàn công khai tài chính',
      description: '100% các cấp Công đoàn thực hiện công khai tài chính theo quy định của Tổng Liên đoàn',
      scope: { level: 'all' },
      target: atLeastPct(100),
    },
    {
      id: 'ket_nap_2021_2023',
      kind: 'sum',
      column: 'dv_ket_nap_moi',
      label: 'ĐV kết nạp mới giai đoạn 2021–2023',
      description: 'Phấn đấu giai đoạn 2021-2023 kết nạp được 120 đoàn viên.',
      scope: { years: [2021, 2023] },
      target: atLeast(120),
    },
    {
      id: 'ket_nap_2021_2025',
      kind: 'sum',
      column: 'dv_ket_nap_moi',
      label: 'ĐV kết nạp mới giai đoạn 2021–2025',
      description: 'Phấn đấu giai đoạn 2021-2025 kết nạp được 250 đoàn viên Công đoàn',
      scope: { years: [2021, 2025] },
      target: atLeast(250),
    },
    {
      id: 'ket_nap_2026_2030',
      kind: 'sum',
      column: 'dv_ket_nap_moi',
      label: 'ĐV kết nạp mới giai đoạn 2026–2030',
      description: 'Phấn đấu giai đoạn 2026-2030 kết nạp được 300 đoàn viên Công đoàn',
      scope: { years: [2026, 2030] },
      target: atLeast(300),
    },
    {
      id: 'ban_nu_cong_nn',
      kind: 'unit_share',
      condition: { column: 'ban_nu_cong' },
      label: 'CĐCS công lập có Ban nữ công quần chúng',
      description: HY_NU_CONG,
      scope: { sector: KV_NN },
      target: atLeastPct(100),
    },
    {
      id: 'ban_nu_cong_nnn',
      kind: 'unit_share',
      condition: { column: 'ban_nu_cong' },
      label: 'CĐCS ngoài công lập có Ban nữ công',
      description: HY_NU_CONG,
      scope: { sector: KV_NNN },
      target: atLeastPct(85),
    },
    {
      id: 'tuldtt_nnn',
      kind: 'unit_share',
      condition: { column: 'tuldtt' },
      label: 'Đơn vị ngoài công lập ký thỏa ước LĐTT',
      description:
        'Đến năm 2023: Phấn đấu có 100% trở lên các đơn vị ngoài công lập có tổ chức Công đoàn ký kết được Thỏa ước lao động tập thể. ' +
        'Đến năm 2025: Phấn đấu có 80% trở lên các đơn vị ngoài công lập có tổ chức Công đoàn ký kết được Thỏa ước lao động tập thể. ' +
        'Đến năm 2030: Phấn đấu có 85% trở lên các đơn vị ngoài công lập có tổ chức Công đoàn ký kết được Thỏa ước lao động tập thể. ' +
        'Đến năm 2045: 99% đơn vị ngoài công lập có tổ chức Công đoàn ký kết được Thỏa ước lao động tập thể.',
      scope: { sector: KV_NNN },
      target: byYears([
        [2023, 100],
        [2025, 80],
        [2030, 85],
        [2045, 99],
      ]),
    },
    {
      id: 'thu_tai_chinh',
      kind: 'ratio',
      num: 'kp_thu',
      den: 'kp_phai_thu',
      label: 'Thu tài chính công đoàn so với số phải thu',
      description:
        'Phấn đấu thu tài chính Công đoàn đạt 90% trở lên so với số phải thu kinh phí và đoàn phí Công đoàn.',
      scope: {},
      target: atLeastPct(90),
    },
    {
      id: 'dai_dien_tu_van',
      kind: 'ratio',
      num: 'vu_viec_dai_dien',
      den: 'vu_viec_tu_van',
      label: 'Vụ việc tư vấn, tranh tụng có CĐ đại diện',
      description:
        'Đến năm 2023: Phấn đấu có ít nhất 65% số vụ việc của đoàn viên, tổ chức Công đoàn có nhu cầu tư vấn, tranh tụng sẽ có đại diện Công đoàn tham gia. ' +
        'Đến năm 2025: Phấn đấu có ít nhất 68% số vụ việc của đoàn viên, tổ chức Công đoàn có nhu cầu tư vấn, tranh tụng sẽ có đại diện Công đoàn tham gia. ' +
        'Đến năm 2030: Phấn đấu có ít nhất 75% số vụ việc của đoàn viên, tổ chức Công đoàn có nhu cầu tư vấn, tranh tụng sẽ có đại diện Công đoàn tham gia. ' +
        'Đến năm 2045: Phấn đấu 99% số vụ việc của đoàn viên, tổ chức Công đoàn có nhu cầu tư vấn, tranh tụng sẽ có đại diện Công đoàn tham gia.',
      scope: {},
      target: byYears([
        [2023, 65],
        [2025, 68],
        [2030, 75],
        [2045, 99],
      ]),
    },
  ],
};

/**
 * The built-in target sets, in the order of their seed documents.
 *
 * @example
 * PRESETS.map((p) => p.id)
 * // ['bd-cdvc-2024', 'bd-cdvc-nq02', 'bt-ldld-2024', 'cdgd-ct1-2024', 'hy-cdgd-nq02']
 */
export const PRESETS: readonly TargetSet[] = [BD_CDVC_2024, BD_CDVC_NQ02, BT_LDLD_2024, CDGD_CT1_2024, HY_CDGD_NQ02];

/**
 * The built-in set with this id (exact, after trimming; case-insensitive), or undefined.
 *
 * @example
 * findPreset('bd-cdvc-2024')?.documentNumber // '06/CTr-CĐVC'
 * findPreset('khong-co') // undefined
 */
export function findPreset(id: string): TargetSet | undefined {
  const key = id.trim().toLowerCase();
  return PRESETS.find((p) => p.id === key);
}
