/**
 * The data-table headers of the `bd-cdvc-2024` template, in catalog order, written out by hand
 * (from spec/columns.md) so tests that build returns do not take them from the code under test.
 */
export const BD_CDVC_2024_HEADERS: readonly string[] = [
  'Mã đơn vị',
  'Tên đơn vị',
  'Khu vực',
  'Năm',
  'Số CBCCVCLĐ đủ điều kiện gia nhập',
  'Số đoàn viên',
  'Số ĐV đăng ký sáng kiến, giải pháp',
  'Có chương trình, kế hoạch gắn nhiệm vụ chính trị',
  'Đăng ký thi đua hoàn thành tốt nhiệm vụ trở lên',
  'Phát động thi đua chuyển đổi số',
  'Đăng ký xây dựng cơ quan đạt chuẩn văn hóa',
  'Được công nhận đạt chuẩn văn hóa',
  'Xếp loại',
];
