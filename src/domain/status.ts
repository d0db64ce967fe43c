/** The four statuses of spec/indicators.md, and their Vietnamese words. */

export type Status = 'DAT' | 'CHUA_DAT' | 'THIEU_DU_LIEU' | 'KHONG_AP_DUNG';

export const STATUS_LABEL: Readonly<Record<Status, string>> = {
  DAT: 'Đạt',
  CHUA_DAT: 'Chưa đạt',
  THIEU_DU_LIEU: 'Thiếu dữ liệu',
  KHONG_AP_DUNG: 'Không áp dụng',
};

export const STATUSES: readonly Status[] = ['DAT', 'CHUA_DAT', 'THIEU_DU_LIEU', 'KHONG_AP_DUNG'];
