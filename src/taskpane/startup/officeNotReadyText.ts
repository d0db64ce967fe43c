/**
 * What the pane says when Office does not answer (the start-up timeout) or office.js never
 * arrived inside Office: the same four checks as the start-up shell in taskpane.html, in both
 * languages of the pane. Kept beside the component rather than in i18n.ts because only the
 * start-up path uses it.
 */
import type { Lang } from '../i18n';

/** Why the pane is not ready. */
export type NotReadyReason = 'timeout' | 'office-js-missing';

export interface NotReadyText {
  readonly title: string;
  readonly intro: string;
  /** [label, what to check] pairs. */
  readonly checks: ReadonlyArray<readonly [string, string]>;
}

/** The message for `reason` after `seconds` of waiting, in `lang`. */
export function notReadyText(lang: Lang, reason: NotReadyReason, seconds: number): NotReadyText {
  if (lang === 'en') {
    return {
      title:
        reason === 'timeout'
          ? `Excel has not answered after ${seconds} seconds.`
          : 'The Office library (office.js) could not be loaded.',
      intro:
        reason === 'timeout'
          ? 'The pane keeps waiting and opens by itself if Excel answers. Otherwise, check:'
          : 'Without it the pane cannot work on this workbook. Check:',
      checks: [
        ['Network', 'this computer can reach https://appsforoffice.microsoft.com (Microsoft’s Office library) and the add-in’s own address; no firewall or proxy blocks them.'],
        ['Excel version', 'ExcelApi 1.9 is needed: Excel on the web, Microsoft 365 (Windows version 1903 or later, Mac 16.24 or later, iPad) or Excel 2021 or later; Excel 2019 and 2016 are not enough.'],
        ['How it is opened', 'open the pane from Excel, with the Chỉ tiêu CĐCS button on the Home tab (or through Add-ins), not this page directly in a browser.'],
        ['Reload', 'close the pane and open it again, or right-click inside the pane and choose Reload; in Excel on the web, reload the page.'],
      ],
    };
  }
  return {
    title:
      reason === 'timeout'
        ? `Excel chưa trả lời sau ${seconds} giây.`
        : 'Không tải được thư viện Office (office.js).',
    intro:
      reason === 'timeout'
        ? 'Ngăn vẫn tiếp tục chờ và sẽ tự mở nếu Excel trả lời. Nếu không, hãy kiểm tra:'
        : 'Thiếu thư viện này, ngăn không làm việc được với sổ tính. Hãy kiểm tra:',
    checks: [
      ['Mạng', 'máy truy cập được https://appsforoffice.microsoft.com (thư viện Office của Microsoft) và địa chỉ của phần bổ trợ; tường lửa hoặc proxy không chặn chúng.'],
      ['Phiên bản Excel', 'cần Excel hỗ trợ ExcelApi 1.9: Excel trên web, Microsoft 365 (Windows bản 1903 trở lên, Mac 16.24 trở lên, iPad) hoặc Excel 2021 trở lên; Excel 2019 và 2016 không đủ.'],
      ['Cách mở', 'mở ngăn từ Excel, bằng nút Chỉ tiêu CĐCS trên thẻ Trang đầu (hoặc qua Phần bổ trợ), không mở trang này trực tiếp trong trình duyệt.'],
      ['Tải lại', 'đóng ngăn rồi mở lại, hoặc bấm chuột phải trong ngăn và chọn Tải lại; với Excel trên web, tải lại trang.'],
    ],
  };
}
