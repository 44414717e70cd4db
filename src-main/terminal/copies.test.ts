// U7: USEN PAY copies on the receipt printer (printer simulator over TCP), automatic or on request,
// none for QR, (再) on reprints; and no full card number anywhere: database file and logs scanned.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PrinterSimulator } from '../../sim/printer/simulator.ts';
import type { TerminalPayment } from '../../src-shared/contract/index.ts';
import { tempDir } from '../testing/harness.ts';
import { card, terminalRig, until, type TerminalRig } from '../testing/terminal.ts';

type Copies = { status: string; message: string | null; reprint: boolean };

/** Luhn check digit test. */
function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) { d *= 2; if (d > 9) d -= 9; }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Anything that could be a card number: 13–19 digits, a card network's first digit (2–6), valid Luhn. */
export function cardNumbersIn(bytes: Buffer): string[] {
  const text = bytes.toString('latin1');
  return [...text.matchAll(/(?<!\d)[2-6]\d{12,18}(?!\d)/g)].map((m) => m[0]).filter(luhn);
}

/** Every value of every column of every table, each on its own (no neighbour to run into). */
function storedValues(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[];
    return tables.flatMap((name) => (db.prepare(`SELECT * FROM "${name}"`).raw().all() as unknown[][])
      .flatMap((row) => row.filter((v) => v !== null).map((v) => (Buffer.isBuffer(v) ? v.toString('latin1') : String(v)))));
  } finally { db.close(); }
}

/**
 * Raw bytes of a SQLite file put one column's text right after another's, so a stored number
 * (a slip number, say) can read as a longer digit run together with the bytes before it. Such a
 * run is not a card number when it is a stored numeric value of 10+ digits with digits glued on
 * in front or behind; the values themselves are scanned on their own.
 */
function gluedToStored(run: string, stored: Set<string>): boolean {
  for (let cut = 1; cut < run.length; cut++) {
    if (stored.has(run.slice(cut)) || stored.has(run.slice(0, cut))) return true;
  }
  return false;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

describe('U7: customer and merchant copies through the receipt printer', () => {
  let printer: PrinterSimulator;
  let port = 0;
  let t: TerminalRig;
  beforeAll(async () => {
    printer = new PrinterSimulator({ idleGapMs: 100 });
    port = (await printer.listenTcp(0, '127.0.0.1')).port;
  });
  afterAll(async () => { await printer.stop(); });
  beforeEach(async () => {
    printer.clear();
    t = await terminalRig();
    await t.settings({ printer: { kind: 'tcp', host: '127.0.0.1', port } });
  });
  afterEach(async () => { await t.close(); });

  const paid = async (method: 'credit' | 'emoney' | 'qr', table: string, means: () => void) => {
    const { visitId, total } = await t.visitWithBill(table);
    const p = await t.ok<TerminalPayment>('terminal.pay', { visitId, method, amount: total });
    await t.sim.waitForStep(method === 'credit' ? 'awaitingCard' : method === 'emoney' ? 'brandSelect' : 'awaitingQr');
    means();
    return t.waitState(p.ref, ['done']);
  };

  it('automatic (store setting): both card copies after the payment; 控え印刷 again prints (再); refunds print 取消票', async () => {
    await t.settings({ terminal: { ...(await t.ok<{ terminal: { connection: never } }>('settings.get', {})).terminal, autoPrintCopies: true } });
    const p = await paid('credit', 'T1', () => t.sim.presentCard(card('1012', 'ic', 'JCB')));
    const [customer, merchant] = await printer.waitForJobs(2); // each copy is cut off on its own
    for (const s of ['クレジットカード売上票', 'お客様控', '****1012 JCB IC', p.orderCode!, '承認番号']) expect(customer!.text).toContain(s);
    expect(merchant!.text).toContain('加盟店控');
    expect(customer!.text + merchant!.text).not.toContain('(再)');
    await until(() => t.payment(p.ref).copiesPrinted === 1, 'the confirmed print counted');
    const again = await t.ok<Copies>('terminal.printCopies', { ref: p.ref });
    expect(again).toEqual({ status: 'printed', message: null, reprint: true });
    expect((await printer.waitForJobs(4)).slice(2).map((j) => j.text.includes('(再)'))).toEqual([true, true]);
    const r = await t.ok<TerminalPayment>('terminal.refund', { ref: p.ref });
    await t.sim.waitForStep('awaitingCard');
    t.sim.presentCard(card('1012', 'ic', 'JCB'));
    await t.sim.waitForStep('signature');
    t.sim.sign();
    await t.waitState(r.ref, ['done']);
    expect((await printer.waitForJobs(6))[4]!.text).toContain('クレジットカード取消票');
  });

  it('on request: nothing until 控え印刷; the first print is not (再), the history screen always is; none for QR', async () => {
    const e = await paid('emoney', 'T2', () => t.sim.chooseEmoneyBrand('iD', '3028'));
    const q = await paid('qr', 'T3', () => t.sim.scanQr('PayPay'));
    expect(printer.jobs()).toHaveLength(0);
    expect(await t.ok<Copies>('terminal.printCopies', { ref: e.ref })).toMatchObject({ status: 'printed', reprint: false });
    const [customer, merchant] = await printer.waitForJobs(2);
    for (const s of ['領収書', '****3028', 'iD支払', 'お客様控']) expect(customer!.text).toContain(s);
    expect(merchant!.text).toContain('加盟店控');
    expect(customer!.text + merchant!.text).not.toContain('(再)');
    expect(await t.ok<Copies>('terminal.printCopies', { ref: e.ref, fromHistory: true })).toMatchObject({ reprint: true });
    expect(await t.code('terminal.printCopies', { ref: q.ref })).toBe('NO_COPY');
    printer.setFaults({ paperOut: true });
    const out = await t.ok<Copies>('terminal.printCopies', { ref: e.ref });
    expect(out.status).toBe('failed');
    expect(out.message).toBeTruthy();
    printer.setFaults({ paperOut: false });
  });

  it('never a full card number: the database file and the logs hold masked numbers only', async () => {
    await paid('credit', 'T4', () => t.sim.presentCard(card('4242', 'contactless', 'VISA')));
    await paid('emoney', 'T5', () => t.sim.chooseEmoneyBrand('QUICPay', '9876'));
    const files = filesUnder(t.reg.dir).filter((f) => /\.(sqlite|sqlite-wal|log)$|register\.\d+\.log$/.test(f) || f.includes('logs'));
    const dbFile = files.find((f) => f.endsWith('register.sqlite'));
    expect(dbFile).toBeTruthy();
    expect(files.some((f) => f.includes('logs'))).toBe(true);
    const values = storedValues(dbFile!);
    expect(values.some((v) => v.includes('****4242'))).toBe(true); // the scan does see the stored payments
    expect(values.flatMap((v) => cardNumbersIn(Buffer.from(v, 'latin1')))).toEqual([]);
    const numeric = new Set(values.filter((v) => /^\d{10,}$/.test(v))); // slip numbers, instants: never short amounts
    const all = Buffer.concat(files.map((f) => readFileSync(f)));
    expect(all.includes(Buffer.from('****4242'))).toBe(true);
    expect(cardNumbersIn(all).filter((run) => !gluedToStored(run, numeric))).toEqual([]);
    // …and would see a card number if one were there.
    const probe = join(tempDir('pan-probe-'), 'probe.log');
    writeFileSync(probe, `{"x":"4111111111111111","y":1795277349887,"slip":"1012600000001"}`);
    expect(cardNumbersIn(readFileSync(probe))).toEqual(['4111111111111111']);
    // A slip number glued behind two bytes of the record before it (seen in CI) is excused; a card number is not.
    expect(gluedToStored('271012600000001', new Set(['1012600000001']))).toBe(true);
    expect(gluedToStored('4111111111111111', new Set(['1012600000001', '1795277349887']))).toBe(false);
  });
});
