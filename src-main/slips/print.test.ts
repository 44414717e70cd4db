import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PrinterSimulator } from '../../sim/printer/simulator.ts';
import type { AnyEvent } from '../../src-shared/contract/index.ts';
import { P, rig, type Rig } from '../checkout/test-rig.ts';
import { inprocRegister, type TestRegister } from '../testing/harness.ts';

type Printed = { status: string; message: string | null; reprint: boolean };

describe('receipts printed after the commit (ESC/POS over TCP to the printer simulator)', () => {
  let printer: PrinterSimulator;
  let port = 0;
  let reg: TestRegister;
  let r: Rig;
  let events: AnyEvent[];

  beforeAll(async () => {
    printer = new PrinterSimulator({ idleGapMs: 100 });
    port = (await printer.listenTcp(0, '127.0.0.1')).port;
  });
  afterAll(async () => { await printer.stop(); });
  beforeEach(async () => {
    printer.clear();
    printer.setFaults({ offline: false, paperOut: false, coverOpen: false, paperNearEnd: false, unresponsive: false, drawerOpen: false });
    reg = await inprocRegister();
    r = await rig(reg);
    events = [];
    reg.core.subscribe((e) => events.push(e));
    await r.settings({ printer: { kind: 'tcp', host: '127.0.0.1', port }, invoice: { registrationNumber: 'T7000012050002', issuer: 'corporation' } });
    await r.openTill();
  });
  afterEach(async () => { await reg.close(); });

  it('a cash checkout prints the 適格簡易請求書 and opens the drawer', async () => {
    const { result } = await r.sale('T1', [{ productId: P.karaage, quantity: 1, takeout: true }, { productId: P.beer, quantity: 1 }]);
    // The answer leaves before the printer is done; the outcome is an event and part of the slip.
    expect(result.print).toEqual({ status: 'queued', message: null });
    expect(events.find((e) => e.name === 'receipts.printed')?.payload).toMatchObject({ slipNo: result.slipNo, ok: true });
    const [job] = await printer.waitForJobs(1);
    for (const s of ['登録番号 T7000012050002', '※唐揚げ定食（持帰）', '10%対象 ¥580 (内消費税 ¥52)', '8%対象 ¥980 (内消費税 ¥72)', `伝票No.${result.slipNo}`]) {
      expect(job!.text).toContain(s);
    }
    expect(printer.drawerKicks()).toBe(1);
    expect((await r.slip(result.slipId)).parts[0]).toMatchObject({ receiptPrints: 1, print: { status: 'printed', message: null } });
  });

  it('paper out: the sale is saved, the error is shown, receipts.print retries; only later prints are 再発行', async () => {
    printer.setFaults({ paperOut: true });
    const { result } = await r.sale('T2', [{ productId: P.beer, quantity: 2 }]);
    const paperOut = 'プリンターの用紙がありません。用紙を補充して再印刷してください。';
    expect(r.db().prepare('SELECT status FROM slips WHERE id = ?').get(result.slipId)).toEqual({ status: 'closed' });
    expect(events.find((e) => e.name === 'receipts.printed')?.payload).toMatchObject({ slipNo: result.slipNo, ok: false, message: paperOut });
    expect((await r.slip(result.slipId)).parts[0]!.print).toEqual({ status: 'failed', message: paperOut });
    printer.setFaults({ paperOut: false });
    const retry = await r.ok<Printed>('receipts.print', { slipId: result.slipId });
    expect(retry).toEqual({ status: 'printed', message: null, reprint: false });
    expect((await r.slip(result.slipId)).parts[0]!.print.status).toBe('printed');
    const again = await r.ok<Printed>('receipts.print', { slipId: result.slipId });
    expect(again.reprint).toBe(true);
    const jobs = await printer.waitForJobs(2);
    expect(jobs[0]!.text).not.toContain('再発行');
    expect(jobs[1]!.text.split('\n')[0]!.trim()).toBe('再発行');
    expect(printer.drawerKicks()).toBe(1); // the first good print only
  });

  it('領収書 with 宛名 and 但し書き on request', async () => {
    await r.settings({ receipt: { autoPrint: false, width: 42, address: '東京都渋谷区1-1', phone: '03-0000-0000', footer: [], defaultProviso: 'お品代' } });
    const { result } = await r.sale('T3', [{ productId: P.karaage, quantity: 2 }]);
    expect(result.print.status).toBe('queued'); // no receipt wanted, but the drawer opens for the cash
    expect(printer.drawerKicks()).toBe(1);
    expect((await r.slip(result.slipId)).parts[0]!.print.status).toBe('skipped');
    const formal = await r.ok<Printed>('receipts.print', { slipId: result.slipId, document: 'formal', addressee: '株式会社テスト', proviso: '飲食代' });
    expect(formal.status).toBe('printed');
    const [, job] = await printer.waitForJobs(2);
    for (const s of ['株式会社テスト 様', '但し 飲食代として', '登録番号 T7000012050002', 'TEL 03-0000-0000']) expect(job!.text).toContain(s);
  });

  it('a cancel with a cash refund prints the 適格返還請求書 and opens the drawer for the refund', async () => {
    const { result } = await r.sale('T5', [{ productId: P.karaage, quantity: 11 }]);
    await printer.waitForJobs(1);
    const cancelled = await r.ok<{ returnDocument: boolean; print: { status: string } }>('slips.cancel', { slipId: result.slipId, reason: '返品' });
    expect(cancelled).toMatchObject({ returnDocument: true, print: { status: 'queued' } });
    const jobs = await printer.waitForJobs(2);
    expect(jobs[1]!.text).toContain('適格返還請求書');
    expect(jobs[1]!.text).toContain('返還額合計');
    expect(printer.drawerKicks()).toBe(2); // the sale, then the refund
  });

  it('P6: a part paid by SMART RESERVE事前決済 prints no receipt; the other part does', async () => {
    await r.settings({ otherPayments: { credit: true, points: true, sitePoints: true, prepaid: true } });
    r.db().prepare(`INSERT INTO reservations (id, remote_id, kind, business_day, start_at, duration_min, party, guest_name, remote_status, prepayment, pulled_at, updated_at)
      VALUES ('res-p6', 'R-P6', 'reservation', '2026-01-01', 0, 120, 2, '前払 様', '来店済み', 980, 0, 0)`).run();
    const visitId = await r.seat('T4');
    r.db().prepare(`UPDATE visits SET reservation_id = 'res-p6' WHERE id = ?`).run(visitId);
    const orders = await r.order(visitId, [{ productId: P.karaage, quantity: 1 }, { productId: P.beer, quantity: 1 }]);
    const prepaid = await r.pay({ visitId, split: { mode: 'items', lines: [{ lineId: orders.lines[0]!.id }] }, payments: [{ kind: 'prepaid', amount: 980 }] });
    expect(prepaid.print).toEqual({ status: 'skipped', message: '事前決済の会計ではレシート・領収書は発行できません。必要であればUSEN SMART RESERVEから発行してください。' });
    expect((await r.slip(prepaid.slipId)).parts[0]!.print.status).toBe('skipped');
    expect(await r.code('receipts.print', { slipId: prepaid.slipId, partNo: 1, document: 'formal' })).toBe('PREPAID_NO_RECEIPT');
    const rest = await r.pay({ visitId, payments: [{ kind: 'cash', amount: 1000 }] });
    expect((await r.slip(rest.slipId)).parts[1]!.print.status).toBe('printed');
    const jobs = await printer.waitForJobs(1);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.text).toContain('生ビール');
    expect(jobs[0]!.text).not.toContain('唐揚げ定食');
  });
});
