// ESC/POS real-time status (DLE EOT n) and its mapping to the register's printer errors.
// Bit meanings follow the Epson ESC/POS command reference for DLE EOT; every response byte has
// bit 1 and bit 4 set and bits 0 and 7 clear (0xx1xx10), which tells it apart from other replies.

export type PrinterErrorCode = 'OFFLINE' | 'PAPER_OUT' | 'COVER_OPEN' | 'TIMEOUT';

/** Messages shown to staff, exactly as displayed. All end with what to do next. */
export const PRINTER_ERROR_MESSAGES: Readonly<Record<PrinterErrorCode, string>> = {
  OFFLINE: 'プリンターに接続できないか、オフラインです。電源・ケーブル・エラーランプを確認して再印刷してください。',
  PAPER_OUT: 'プリンターの用紙がありません。用紙を補充して再印刷してください。',
  COVER_OPEN: 'プリンターのカバーが開いています。カバーを閉じて再印刷してください。',
  TIMEOUT: 'プリンターから応答がありません。プリンターの状態を確認して再印刷してください。',
};

export const DLE = 0x10;
export const EOT = 0x04;
/** DLE EOT n: 1 printer, 2 offline cause, 3 error cause, 4 roll paper sensor. */
export const statusQuery = (n: 1 | 2 | 3 | 4): Uint8Array => Uint8Array.of(DLE, EOT, n);
export const isStatusReply = (b: number): boolean => (b & 0x93) === 0x12;
/** GS r 1 (transmit paper sensor status) replies have bit 4 and bit 7 clear. */
export const isGsRReply = (b: number): boolean => (b & 0x90) === 0x00;

export interface PrinterStatus {
  readonly online: boolean;
  readonly coverOpen: boolean;
  readonly paperOut: boolean;
  readonly paperNearEnd: boolean;
  /** Drawer kick-out connector pin 3 level (drawer open sensor on most drawers). */
  readonly drawerSignal: boolean;
  /** Autocutter, unrecoverable or auto-recoverable error reported by DLE EOT 2/3. */
  readonly error: boolean;
  readonly raw: { readonly printer: number; readonly offline: number; readonly error: number; readonly paper: number };
}

const bit = (b: number, n: number) => (b & (1 << n)) !== 0;

/** Decodes the four DLE EOT replies (n = 1, 2, 3, 4). */
export function decodeStatus(printer: number, offline: number, error: number, paper: number): PrinterStatus {
  return {
    online: !bit(printer, 3),
    coverOpen: bit(offline, 2),
    // Paper end is reported by the roll sensor (n=4 bits 5,6) and as the stop cause (n=2 bit 5).
    paperOut: bit(paper, 5) || bit(paper, 6) || bit(offline, 5),
    paperNearEnd: bit(paper, 2) || bit(paper, 3),
    drawerSignal: bit(printer, 2),
    error: bit(offline, 6) || bit(error, 3) || bit(error, 5) || bit(error, 6),
    raw: { printer, offline, error, paper },
  };
}

/** The error staff must fix before printing, most specific first; null when ready. */
export function statusError(s: PrinterStatus): PrinterErrorCode | null {
  if (s.coverOpen) return 'COVER_OPEN';
  if (s.paperOut) return 'PAPER_OUT';
  if (!s.online || s.error) return 'OFFLINE';
  return null;
}

export class PrinterError extends Error {
  readonly code: PrinterErrorCode;
  readonly staffMessage: string;
  readonly status?: PrinterStatus;

  constructor(code: PrinterErrorCode, detail?: { cause?: unknown; status?: PrinterStatus }) {
    super(PRINTER_ERROR_MESSAGES[code], detail?.cause === undefined ? undefined : { cause: detail.cause });
    this.name = 'PrinterError';
    this.code = code;
    this.staffMessage = PRINTER_ERROR_MESSAGES[code];
    if (detail?.status) this.status = detail.status;
  }
}
