// Receipt printer transport (TCP 9100 and serial) with ESC/POS real-time status. Depends on
// nothing of the app; the register renders receipts (src-main/receipts) and hands bytes here.
export { ReceiptPrinter, openPrinter, printJob, type PrinterOptions, type PrintResult } from './printer.ts';
export { openTcpLink, openSerialLink, type PrinterLink, type PrinterTarget } from './link.ts';
export {
  PrinterError, PRINTER_ERROR_MESSAGES, decodeStatus, statusError, statusQuery, isStatusReply,
  type PrinterErrorCode, type PrinterStatus,
} from './status.ts';
