// USEN PAY payments through the terminal simulator over TCP (127.0.0.1): the register's API,
// its events and the intents it keeps (RULES.md U1, U2, U5, U6, U10, U11).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TerminalPayment, TerminalStatus } from '../../src-shared/contract/index.ts';
import { card, terminalRig, until, type TerminalRig } from '../testing/terminal.ts';

type Pay = { visitId: string; method: 'credit' | 'emoney' | 'qr'; amount: number };

describe('USEN PAY payments over TCP', () => {
  let t: TerminalRig;
  beforeEach(async () => { t = await terminalRig(); });
  afterEach(async () => { await t.close(); });

  const pay = (input: Pay) => t.ok<TerminalPayment>('terminal.pay', input);
  const displays = (ref: string) => t.events.flatMap((e) => (e.name === 'terminal.progress' && e.payload.ref === ref ? [e.payload.display] : []));

  it('U2/U5: credit IC: intent written before the sale, progress texts, 支払完了 with masked card and 受注コード', async () => {
    const status = await t.status();
    expect(status.methods.map((m) => [m.label, m.enabled])).toEqual([['USEN PAY クレジット', true], ['USEN PAY 電子マネー', true], ['USEN PAY QRコード', true]]);
    const { visitId, total } = await t.visitWithBill('T1');
    const p = await pay({ visitId, method: 'credit', amount: total });
    expect(p).toMatchObject({ state: 'waiting', stateLabel: '決済処理中', amount: total });
    // The intent existed before the terminal saw the ref: its first log row is 'pending'.
    const first = t.db().prepare('SELECT to_state FROM payment_intent_log WHERE ref = ? ORDER BY id LIMIT 1').get(p.ref) as { to_state: string };
    expect(first.to_state).toBe('pending');
    await t.sim.waitForStep('awaitingCard');
    t.sim.presentCard(card('1012', 'ic', 'JCB'));
    const done = await t.waitState(p.ref, ['done']);
    expect(done).toMatchObject({ stateLabel: '支払完了', maskedCard: '****1012', brand: 'JCB', entry: 'ic', acquirerStatus: '売上予定', hasCopies: true });
    expect(done.orderCode).toMatch(/^TSU3-\d{7}$/);
    expect(displays(p.ref)).toEqual(expect.arrayContaining(['カードを読み取ってください', '暗証番号を入力してください', '決済処理中']));
    expect(t.sim.journalEntries().map((e) => [e.ref, e.amount, e.outcome])).toEqual([[p.ref, total, 'approved']]);
  });

  it('U5: contactless above ¥15,000 waits for the signature on the terminal', async () => {
    const { visitId, total } = await t.visitWithBill('T2', [{ productId: 'cat-food-1', quantity: 16 }]);
    expect(total).toBeGreaterThan(15_000);
    const p = await pay({ visitId, method: 'credit', amount: total });
    await t.sim.waitForStep('awaitingCard');
    t.sim.presentCard(card('5555', 'contactless'));
    await t.sim.waitForStep('signature');
    await until(() => t.payment(p.ref).step === 'signature', 'signature step on the intent');
    expect(t.payment(p.ref).state).toBe('waiting');
    t.sim.sign();
    expect(await t.waitState(p.ref, ['done'])).toMatchObject({ entry: 'contactless', maskedCard: '****5555' });
  });

  it('U2: e-money: brand chosen on the terminal; QR: no copies (U7)', async () => {
    const a = await t.visitWithBill('T3');
    const e = await pay({ visitId: a.visitId, method: 'emoney', amount: a.total });
    await until(() => displays(e.ref).includes('電子マネーブランドを選択してください'), 'brand select text on the register');
    t.sim.chooseEmoneyBrand('QUICPay', '3028');
    expect(await t.waitState(e.ref, ['done'])).toMatchObject({ brand: 'QUICPay', acquirerStatus: '決済完了', hasCopies: true });

    const b = await t.visitWithBill('T4');
    const q = await pay({ visitId: b.visitId, method: 'qr', amount: b.total });
    await t.sim.waitForStep('awaitingQr');
    t.sim.scanQr('PayPay');
    expect(await t.waitState(q.ref, ['done'])).toMatchObject({ brand: 'PayPay', hasCopies: false, maskedCard: null });
    const copies = await t.raw('terminal.printCopies', { ref: q.ref });
    expect(!copies.ok && copies.error.message).toBe('QRコード決済は、支払完了時も支払取消時も控えは発行されません。');
  });

  it('U2/U3: refuses a method not contracted, an amount above what is due, and a second payment while one is open', async () => {
    const { visitId, total } = await t.visitWithBill('T5');
    t.sim.setContracts(['credit', 'emoney']);
    await t.ok('terminal.connect', {});
    await until(async () => !(await t.status()).methods.find((m) => m.method === 'qr')!.enabled, 'qr disabled');
    expect(await t.code('terminal.pay', { visitId, method: 'qr', amount: 100 })).toBe('TERMINAL_NOT_CONTRACTED');
    expect(await t.code('terminal.pay', { visitId, method: 'credit', amount: total + 1 })).toBe('TERMINAL_OVER_DUE');
    const p = await pay({ visitId, method: 'credit', amount: 500 });
    const again = await t.raw('terminal.pay', { visitId, method: 'credit', amount: 500 });
    expect(!again.ok && again.error.code).toBe('TERMINAL_IN_USE');
    await t.sim.waitForStep('awaitingCard');
    t.sim.presentCard(card());
    await t.waitState(p.ref, ['done']);
    expect(await t.code('terminal.pay', { visitId, method: 'credit', amount: total - 499 })).toBe('TERMINAL_OVER_DUE');
    expect(t.sim.journalEntries()).toHaveLength(1);
  });

  it('U6: キャンセル on the terminal: cancel message, nothing charged, the checkout can pay again', async () => {
    const { visitId, total } = await t.visitWithBill('T6');
    const p = await pay({ visitId, method: 'credit', amount: total });
    await t.sim.waitForStep('awaitingCard');
    t.sim.cancelOnTerminal();
    expect(await t.waitState(p.ref, ['failed'])).toMatchObject({ stateLabel: '未完了', display: 'USEN PAYで決済がキャンセルされました', reason: 'CANCELLED_ON_TERMINAL' });
    const q = await pay({ visitId, method: 'emoney', amount: total });
    await t.sim.waitForStep('brandSelect');
    t.sim.chooseEmoneyBrand('iD');
    await t.waitState(q.ref, ['done']);
  });

  it('U6: 切断する stops the wait; before authorisation the terminal cancels, after it the payment still lands', async () => {
    const a = await t.visitWithBill('T7');
    const p = await pay({ visitId: a.visitId, method: 'credit', amount: a.total });
    await t.sim.waitForStep('awaitingCard');
    const cut = await t.ok<TerminalPayment>('terminal.disconnect', { ref: p.ref });
    expect(['unknown', 'failed']).toContain(cut.state);
    expect(await t.waitState(p.ref, ['failed'])).toMatchObject({ reason: 'CANCELLED_BY_REGISTER' });

    const b = await t.visitWithBill('T8');
    t.sim.setFaults({ authoriseMs: 800 });
    const q = await pay({ visitId: b.visitId, method: 'credit', amount: b.total });
    await t.sim.waitForStep('awaitingCard');
    t.sim.presentCard(card('7777'));
    await t.sim.waitForStep('authorising');
    const late = await t.ok<TerminalPayment>('terminal.disconnect', { ref: q.ref });
    expect(late).toMatchObject({ state: 'unknown', stateLabel: '確認中' });
    expect(late.display).toContain('USEN PAYでのキャンセル操作が必要');
    expect(await t.waitState(q.ref, ['done'])).toMatchObject({ maskedCard: '****7777' }); // never a payment the register forgot
  });

  it('U10: the duplicate alert reaches the UI; 取引中止 from the register stops, 続ける completes', async () => {
    const first = await t.visitWithBill('T9');
    const p1 = await pay({ visitId: first.visitId, method: 'credit', amount: first.total });
    await t.sim.waitForStep('awaitingCard');
    t.sim.presentCard(card('1234'));
    await t.waitState(p1.ref, ['done']);

    const second = await t.visitWithBill('T10');
    const p2 = await pay({ visitId: second.visitId, method: 'credit', amount: second.total });
    await t.sim.waitForStep('awaitingCard');
    t.sim.presentCard(card('1234'));
    const prompt = await until(() => t.events.find((e) => e.name === 'terminal.prompt' && e.payload.ref === p2.ref && e.payload.open), 'prompt event');
    expect(prompt.name === 'terminal.prompt' && prompt.payload.options.map((o) => o.label)).toEqual(['取引中止', '続ける']);
    const stopped = await t.ok<TerminalPayment>('terminal.answer', { ref: p2.ref, answer: 'stop' });
    expect(stopped).toMatchObject({ state: 'failed', reason: 'DUPLICATE_STOPPED' });
    expect(stopped.display).toContain('重複決済');

    const p3 = await pay({ visitId: second.visitId, method: 'credit', amount: second.total });
    await t.sim.waitForStep('awaitingCard');
    t.sim.presentCard(card('1234'));
    await until(() => t.events.find((e) => e.name === 'terminal.prompt' && e.payload.ref === p3.ref && e.payload.open), 'second prompt');
    await t.ok('terminal.answer', { ref: p3.ref, answer: 'continue' });
    expect(await t.waitState(p3.ref, ['done'])).toMatchObject({ maskedCard: '****1234' });
    expect(await t.code('terminal.answer', { ref: p3.ref, answer: 'stop' })).toBe('NO_PROMPT');
  });

  it('U10: staff may answer on the terminal instead; the register follows', async () => {
    const a = await t.visitWithBill('T11');
    const p1 = await pay({ visitId: a.visitId, method: 'credit', amount: a.total });
    await t.sim.waitForStep('awaitingCard');
    t.sim.presentCard(card('9999'));
    await t.waitState(p1.ref, ['done']);
    const b = await t.visitWithBill('T12');
    const p2 = await pay({ visitId: b.visitId, method: 'credit', amount: b.total });
    await t.sim.waitForStep('awaitingCard');
    t.sim.presentCard(card('9999'));
    await t.sim.waitForStep('duplicateAlert');
    t.sim.answerDuplicate('stop');
    expect(await t.waitState(p2.ref, ['failed'])).toMatchObject({ reason: 'DUPLICATE_STOPPED' });
    expect(t.events.some((e) => e.name === 'terminal.prompt' && e.payload.ref === p2.ref && e.payload.chosenOn === 'terminal')).toBe(true);
  });

  it('U11: busy at checkout: the manual\'s 処理中エラー and a code the UI closes on; nothing charged', async () => {
    const { visitId, total } = await t.visitWithBill('201');
    t.sim.setBusy(true);
    const r = await t.raw('terminal.pay', { visitId, method: 'credit', amount: total });
    expect(!r.ok && [r.error.code, r.error.message]).toEqual(['TERMINAL_BUSY', '処理中エラー：USEN PAYにて処理中の取引を終了後、「閉じる」をタップしてください。']);
    const rows = t.db().prepare('SELECT state, reason FROM payment_intents WHERE visit_id = ?').all(visitId);
    expect(rows).toEqual([{ state: 'failed', reason: 'BUSY' }]);
    t.sim.setBusy(false);
    const p = await t.ok<TerminalPayment>('terminal.pay', { visitId, method: 'credit', amount: total });
    expect(p.state).toBe('waiting');
  });

  it('training mode never reaches the terminal', async () => {
    const { visitId } = await t.visitWithBill('202');
    await t.ok('system.setMode', { training: true }, t.manager);
    expect(await t.code('terminal.pay', { visitId, method: 'credit', amount: 100 })).toBe('TERMINAL_TRAINING');
    expect(t.sim.journal.size).toBe(0);
  });
});

describe('U1 / U11 at till open', () => {
  let t: TerminalRig;
  afterEach(async () => { await t.close(); });
  const state = async () => { const s = await t.status(); return s.state === 'connecting' ? null : s; };

  it('U1: battery ≤ 10 %: the till opens, the terminal is not connected with the manual\'s reason; 再接続 after charging', async () => {
    t = await terminalRig({ openTill: false, terminal: { battery: 10 } });
    await t.openTill();
    const s = await until(async () => { const x = await state(); return x?.code === 'BATTERY_LOW' ? x : null; }, 'battery refusal');
    expect(s).toMatchObject({ state: 'refused', action: 'reconnect', battery: 10 } satisfies Partial<TerminalStatus>);
    expect(s.message).toContain('端末の充電が10%以下の場合は開局時に連携ができません');
    expect((await t.till()).status).toBe('open');
    const { visitId } = await t.visitWithBill('T1');
    expect(await t.code('terminal.pay', { visitId, method: 'credit', amount: 100 })).toBe('TERMINAL_NO_SESSION');
    t.sim.setBattery(11);
    expect((await t.ok<TerminalStatus>('terminal.connect', {})).state).toBe('connected');
  });

  it('U11: busy at till open offers 再接続; after the terminal finishes, 再接続 connects', async () => {
    t = await terminalRig({ openTill: false });
    t.sim.setBusy(true);
    await t.openTill();
    const s = await until(async () => { const x = await state(); return x?.code === 'BUSY' ? x : null; }, 'busy refusal');
    expect(s).toMatchObject({ state: 'refused', action: 'reconnect', message: '処理中エラー：USEN PAYにて処理中の取引を終了後、「再接続」をタップしてください。' });
    t.sim.setBusy(false);
    expect((await t.ok<TerminalStatus>('terminal.connect', {})).state).toBe('connected');
  });

  it('not reachable: 未接続 with 再接続; a wrong address can be tested from settings', async () => {
    t = await terminalRig({ openTill: false, connection: () => ({ kind: 'tcp', host: '127.0.0.1', port: 9 }) });
    await t.openTill();
    const s = await until(async () => { const x = await state(); return x?.code === 'NOT_CONNECTED' ? x : null; }, 'not connected');
    expect(s).toMatchObject({ state: 'disconnected', action: 'reconnect' });
    const bad = await t.ok<{ ok: boolean; message: string }>('terminal.test', { connection: { kind: 'tcp', host: '127.0.0.1', port: 9 } }, t.manager);
    expect(bad).toMatchObject({ ok: false });
    const good = await t.ok<{ ok: boolean; serial: string }>('terminal.test', { connection: { kind: 'tcp', host: '127.0.0.1', port: t.run!.tcpPort! } }, t.manager);
    expect(good).toMatchObject({ ok: true, serial: 'A920MAX-SIM-0001' });
  });
});
