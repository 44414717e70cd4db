// Receipts: documents (sale receipt / 領収書 / USEN PAY terminal copy / settlement report) rendered
// to ESC/POS (cp932), SVG preview or text. Printing is native/printer's job.
export { renderReceipt, receiptMarkup, type RenderOptions, type RenderedBytes, type RenderedText, type ReceiptFormat } from './render.ts';
export { ReceiptError, RECEIPT_ERROR_MESSAGES, type ReceiptErrorCode, type ReceiptWarning } from './errors.ts';
export { normalizeForCp932, unencodableInCp932, yen } from './text.ts';
export { DRAWER_KICK_MARKUP } from './layout-sale.ts';
export type * from './model.ts';
