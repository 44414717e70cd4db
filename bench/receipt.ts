// Benchmark: rendering a sale receipt to ESC/POS bytes (markup + receiptline + cp932), against a
// baseline measured in the same run: iconv-lite encoding the same receipt's plain text to cp932.
import iconv from 'iconv-lite';
import { sampleSale } from '../src-main/receipts/fixtures.ts';
import { renderReceipt } from '../src-main/receipts/index.ts';

export interface BenchResult {
  name: string; unit: string; p50?: number; p99?: number; value?: number; baseline?: number; ratio?: number; note?: string;
}

const WARMUP = 30;
const RUNS = 400;

function measure(fn: () => unknown): { p50: number; p99: number } {
  for (let i = 0; i < WARMUP; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => Number((times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0).toFixed(4));
  return { p50: at(0.5), p99: at(0.99) };
}

export async function run(): Promise<BenchResult[]> {
  const doc = sampleSale();
  const text = renderReceipt(doc, { format: 'text', width: 42 }).data;
  const bytes = renderReceipt(doc, { format: 'escpos', width: 42 }).data;
  const baseline = measure(() => iconv.encode(text, 'cp932'));
  const escpos = measure(() => renderReceipt(doc, { format: 'escpos', width: 42 }));
  const svg = measure(() => renderReceipt(doc, { format: 'svg', width: 42 }));
  const ratio = (p: number) => Number((p / Math.max(baseline.p50, 1e-6)).toFixed(1));
  return [
    { name: 'receipt.encode_text_cp932 (baseline)', unit: 'ms', ...baseline, note: `iconv-lite on the ${text.length}-char text of the same receipt` },
    { name: 'receipt.render_escpos', unit: 'ms', ...escpos, baseline: baseline.p50, ratio: ratio(escpos.p50), note: `${doc.items.length} items, 42 columns, validation + markup + receiptline` },
    { name: 'receipt.render_svg', unit: 'ms', ...svg, baseline: baseline.p50, ratio: ratio(svg.p50) },
    { name: 'receipt.escpos_size', unit: 'bytes', value: bytes.length },
  ];
}

if (import.meta.main) console.table(await run());
