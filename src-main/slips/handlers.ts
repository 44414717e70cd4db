import { handlers } from '../api/context.ts';
import { cancelSlip } from './cancel.ts';
import { printDocument, renderDocument } from './print.ts';
import { listSlips, slipDetail, slipIdByNo } from './queries.ts';

export const slipsHandlers = handlers({
  'slips.list': (input, ctx) => listSlips(ctx.db, input),
  'slips.get': (input, ctx) => slipDetail(ctx.db, 'slipId' in input ? input.slipId : slipIdByNo(ctx.db, input.slipNo)),
  'slips.cancel': cancelSlip,

  // Waits on the printer, so it runs outside any transaction (an async command); only a
  // confirmed print is counted, so the first good print is never marked 再発行.
  'receipts.print': async (input, ctx) => {
    const out = await printDocument(ctx.db, ctx.core.mode === 'training', input);
    ctx.emit('receipts.printed', { slipId: input.slipId, slipNo: out.slipNo, partNo: out.partNo, document: input.document, ok: out.status === 'printed', message: out.message });
    return { status: out.status, message: out.message, reprint: out.reprint };
  },

  'receipts.preview': (input, ctx) => {
    const out = renderDocument(ctx.db, ctx.core.mode === 'training', input, input.format);
    return { format: input.format, data: out.data, reprint: out.reprint, warnings: out.warnings };
  },
});
