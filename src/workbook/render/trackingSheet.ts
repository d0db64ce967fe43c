/**
 * The `Theo dõi nộp báo cáo` sheet beside the master table of an intake given a register: the
 * headline (`Đã nhận 37/42 — còn 5 đơn vị chưa nộp`), then one row per register unit — Đã nộp,
 * Nộp lại or Chưa nộp (amber, bold italic, marked ✗, so it shows in black-and-white print), the
 * file used and the day it says it was saved, the contacts to call — then one row per unit of a
 * return the register does not list. Built from cycle/chasing.ts's model only, so it is the same
 * file on every run over the same inputs.
 */
import { CHASE_STATE_LABEL, type ChaseReport, type ChaseState } from '../../domain/cycle/chasing';
import { formatNumber } from '../../domain/format';
import type { CellSpec, SheetSpec } from '../plan';
import { OWN_SHEET_TITLE } from '../ownSheets';
import type { StyleKey } from '../styles';
import { rowHeightFor } from './rowHeight';
import { PAGE_FOOTER } from './summarySheet';

/** The header row (ownSheets.ts recognises the sheet by its first six cells). */
export const TRACKING_HEADER = [
  'STT',
  'Mã đơn vị',
  'Tên đơn vị',
  'Đơn vị cấp trên',
  'Tình trạng',
  'Tệp',
  'Ngày lưu tệp',
  'Người liên hệ',
  'Điện thoại',
  'Email',
  'Ghi chú',
] as const;

/** 1-based row of the header: title, headline and a note above it. */
export const TRACKING_HEADER_ROW = 5;
/** 1-based row of the headline. */
export const TRACKING_HEADLINE_ROW = 2;

const WIDTHS = [6, 12, 30, 22, 17, 28, 13, 22, 14, 24, 30];

const STATE_STYLE: Readonly<Record<ChaseState, StyleKey>> = {
  received: 'chase_received',
  resent: 'chase_resent',
  missing: 'chase_missing',
  unknown: 'chase_unknown',
};

const text = (v: string | undefined): CellSpec => ({ v: v ?? null, s: 'cell' });

/**
 * @param source where the register was read, for the note (e.g. `tệp "DANH-BA.xlsx", sheet "Danh bạ CĐCS"`)
 * @example
 * workbook.applySync({ sheets: [masterSheet(merged), intakeSheet(merged), trackingSheet(chaseReturns(units, seen))] });
 */
export function trackingSheet(report: ChaseReport, options: { readonly source?: string; readonly name?: string } = {}): SheetSpec {
  const counts = `${formatNumber(report.expected)} đơn vị trong danh bạ${options.source ? ` (${options.source})` : ''}`;
  const extra = [
    report.resent.length ? `${formatNumber(report.resent.length)} đơn vị nộp lại (tệp nhận sau thay tệp trước)` : '',
    report.unknown.length ? `${formatNumber(report.unknown.length)} đơn vị ngoài danh bạ (cuối bảng)` : '',
    report.mismatched.length ? `${formatNumber(report.mismatched.length)} tệp có tên ghi mã khác với mã trong bảng` : '',
  ].filter(Boolean);
  const rows: (CellSpec | null)[][] = [
    [{ v: `THEO DÕI NỘP BÁO CÁO CĐCS${report.year !== undefined ? ` NĂM ${report.year}` : ''}`, s: 'section' }],
    [{ v: report.headline, s: 'section' }],
    [{ v: `${counts}.${extra.length ? ` ${extra.join('; ')}.` : ''} Đơn vị chưa nộp tô vàng, có người liên hệ để nhắc; ngày lưu tệp theo thông tin lưu trong tệp.`, s: 'note' }],
    [],
    TRACKING_HEADER.map((h) => ({ v: h, s: 'table_header' as const })),
  ];
  const heights: Record<number, number> = { 1: 22, 2: 22, 3: 32, [TRACKING_HEADER_ROW]: 32 };
  report.rows.forEach((r, i) => {
    const line = [
      undefined,
      r.code,
      r.name,
      r.unit?.parent,
      CHASE_STATE_LABEL[r.state],
      r.file,
      r.saved,
      r.unit?.contact.person,
      r.unit?.contact.phone,
      r.unit?.contact.email,
      r.note,
    ];
    rows.push([
      { v: i + 1, s: 'cell_stt' },
      text(r.code),
      text(r.name),
      text(r.unit?.parent),
      { v: CHASE_STATE_LABEL[r.state], s: STATE_STYLE[r.state] },
      text(r.file),
      { v: r.saved ?? null, s: 'cell_center' },
      text(r.unit?.contact.person),
      text(r.unit?.contact.phone),
      text(r.unit?.contact.email),
      text(r.note),
    ]);
    heights[rows.length] = Math.max(18, rowHeightFor(line, WIDTHS, 12));
  });
  return {
    name: options.name ?? OWN_SHEET_TITLE.tracking,
    kind: 'tracking',
    rows,
    colWidths: WIDTHS,
    rowHeights: heights,
    merges: ['A1:K1', 'A2:K2', 'A3:K3'],
    freeze: { rows: TRACKING_HEADER_ROW, cols: 3 },
    page: { landscape: true, fitToWidth: true, printTitleRows: [TRACKING_HEADER_ROW, TRACKING_HEADER_ROW], footer: PAGE_FOOTER },
  };
}
