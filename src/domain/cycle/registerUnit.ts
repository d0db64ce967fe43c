/**
 * One unit of the register (`Danh bạ CĐCS`, spec/interfaces.md "Unit register"): a CĐCS the
 * reporting body expects a return from. Shared by the register reader, send-out, chasing and the pane.
 */
export interface RegisterUnit {
  /** `ma_don_vi` as written in the register, trimmed. */
  readonly code: string;
  /** `ten_don_vi`, trimmed. */
  readonly name: string;
  /** `don_vi_cap_tren`, when the register has it. */
  readonly parent?: string;
  /** `khu_vuc` as its canonical choice value (e.g. the catalog's KV_NN), when given and recognised. */
  readonly sector?: string;
  /** `cap` as its canonical choice value, when given and recognised. */
  readonly level?: string;
  /** Optional contact columns: người liên hệ, điện thoại, email (text as typed, trimmed). */
  readonly contact: { readonly person?: string; readonly phone?: string; readonly email?: string };
  /** 1-based row in the register sheet, for messages. */
  readonly row: number;
}
