// One-shot and streaming decoding of ESC/POS bytes into printed lines and events.
import { EscPosRenderer, type PrintedLine, type RenderEvent } from './render.ts';
import { nextToken, tokenLength, type Token } from './tokenize.ts';

export type { PrintedLine, RenderEvent } from './render.ts';

/** Feeds bytes as they arrive; keeps an incomplete command until the rest comes. */
export class EscPosStream {
  readonly renderer: EscPosRenderer;
  private rest: Uint8Array = new Uint8Array(0);

  constructor(paperDots: number) {
    this.renderer = new EscPosRenderer(paperDots);
  }

  /** Calls `onToken` with each complete token and its raw bytes, then the renderer's events. */
  push(chunk: Uint8Array, onToken: (tok: Token, raw: Uint8Array, events: RenderEvent[]) => void): void {
    const buf = this.rest.length === 0 ? chunk : Buffer.concat([this.rest, chunk]);
    let pos = 0;
    for (;;) {
      const tok = nextToken(buf, pos);
      if (tok === null) break;
      const len = tokenLength(tok);
      onToken(tok, buf.subarray(pos, pos + len), this.renderer.apply(tok));
      pos += len;
    }
    // Copy: the caller may reuse its buffer.
    this.rest = Uint8Array.from(buf.subarray(pos));
  }
}

export interface Decoded {
  readonly lines: readonly PrintedLine[];
  readonly text: string;
  readonly cuts: number;
  readonly drawerKicks: number;
  readonly images: number;
  readonly barcodes: readonly string[];
  readonly unknown: readonly string[];
}

/** Decodes a complete byte sequence (e.g. one job) into lines of text. */
export function decodeEscPos(bytes: Uint8Array, paperDots = 576): Decoded {
  const stream = new EscPosStream(paperDots);
  const lines: PrintedLine[] = [];
  const out = { cuts: 0, drawerKicks: 0, images: 0, barcodes: [] as string[], unknown: [] as string[] };
  const take = (events: RenderEvent[]) => {
    for (const ev of events) {
      if (ev.e === 'line') lines.push(ev.line);
      else if (ev.e === 'cut') out.cuts++;
      else if (ev.e === 'kick') out.drawerKicks++;
      else if (ev.e === 'image') out.images++;
      else if (ev.e === 'barcode') out.barcodes.push(ev.data);
      else if (ev.e === 'unknown') out.unknown.push(ev.name);
    }
  };
  stream.push(bytes, (_tok, _raw, events) => take(events));
  const last = stream.renderer.takePending();
  if (last) lines.push(last);
  return { lines, text: lines.map((l) => l.text).join('\n'), ...out };
}
