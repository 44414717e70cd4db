// The control API over HTTP (127.0.0.1 only), so browser e2e tests and the demo can play the guest.
// Every action answers {ok: true, state} or {ok: false, error} with 400/408/409.
import { Hono, type Context } from 'hono';
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { METHODS, STEPS } from '../../native/ecr/messages.ts';
import type { TerminalSim } from './control.ts';
import { DROP_STEPS } from './faults.ts';
import { SimError } from './transaction.ts';

const schemas = {
  card: z.object({ entry: z.enum(['ic', 'swipe', 'contactless']), brand: z.string().min(1), last4: z.string().regex(/^\d{4}$/), chip: z.boolean().optional() }),
  emoney: z.object({ brand: z.string().min(1), memberLast4: z.string().regex(/^\d{4}$/).optional() }),
  qr: z.object({ brand: z.string().min(1) }),
  duplicate: z.object({ answer: z.enum(['stop', 'continue']) }),
  battery: z.object({ percent: z.int().min(0).max(100) }),
  clock: z.union([z.object({ at: z.iso.datetime({ offset: true }) }), z.object({ advanceMs: z.int() })]),
  restart: z.object({ keepJournal: z.boolean() }),
  busy: z.object({ busy: z.boolean() }),
  auto: z.object({ auto: z.boolean() }),
  contracts: z.object({ methods: z.array(z.enum(METHODS)) }),
  outcome: z.object({ next: z.enum(['approve', 'decline', 'unconfirmed', 'authorisedFailed']) }),
  faults: z.object({
    dropLinkAt: z.enum(DROP_STEPS).nullable(), garbleNext: z.int().min(0), splitFrames: z.int().min(0),
    latencyMs: z.int().min(0), authoriseMs: z.int().min(0), serialDropMs: z.int().min(0),
  }).partial(),
  account: z.object({ amount: z.int().min(1), last4: z.string().regex(/^\d{4}$/), brand: z.string(), minutesAgo: z.number().min(0).optional(), acquirerStatus: z.string().optional() }),
};

export function createControlApp(sim: TerminalSim): Hono {
  const app = new Hono();
  const ok = (c: Context) => c.json({ ok: true, state: sim.snapshot() });
  /** POST route: validates the JSON body, runs the action, answers the new state. */
  const action = <S extends z.ZodType>(path: string, schema: S, run: (body: z.infer<S>) => void) => {
    app.post(path, async (c) => {
      const parsed = schema.safeParse(await c.req.json().catch(() => ({})));
      if (!parsed.success) return c.json({ ok: false, error: z.prettifyError(parsed.error) }, 400);
      run(parsed.data);
      return ok(c);
    });
  };
  const none = z.object({}).passthrough();

  app.onError((err, c) => {
    const status = err instanceof SimError ? err.status : 500;
    return c.json({ ok: false, error: err.message }, status as 400);
  });

  app.get('/state', async (c) => {
    const wait = c.req.query('wait');
    if (wait) {
      if (wait !== 'idle' && !(STEPS as readonly string[]).includes(wait)) return c.json({ ok: false, error: `unknown step ${wait}` }, 400);
      await sim.waitForStep(wait as 'idle', Math.min(Number(c.req.query('timeoutMs') ?? 5000), 60_000));
    }
    return ok(c);
  });
  app.get('/journal', (c) => c.json({ ok: true, entries: sim.journalEntries(c.req.query('date')) }));

  action('/card', schemas.card, (b) => sim.presentCard(b));
  action('/emoney', schemas.emoney, (b) => sim.chooseEmoneyBrand(b.brand, b.memberLast4));
  action('/qr', schemas.qr, (b) => sim.scanQr(b.brand));
  action('/sign', none, () => sim.sign());
  action('/cancel', none, () => sim.cancelOnTerminal());
  action('/duplicate', schemas.duplicate, (b) => sim.answerDuplicate(b.answer));
  action('/battery', schemas.battery, (b) => sim.setBattery(b.percent));
  action('/clock', schemas.clock, (b) => ('at' in b ? sim.setClock(b.at) : sim.advanceClock(b.advanceMs)));
  action('/restart', schemas.restart, (b) => sim.restart(b.keepJournal));
  action('/busy', schemas.busy, (b) => sim.setBusy(b.busy));
  action('/auto', schemas.auto, (b) => sim.setAuto(b.auto));
  action('/contracts', schemas.contracts, (b) => sim.setContracts(b.methods));
  action('/outcome', schemas.outcome, (b) => sim.setNextOutcome(b.next));
  action('/faults', schemas.faults, (b) => sim.setFaults(b));
  action('/faults/reset', none, () => sim.resetFaults());
  action('/account-transactions', schemas.account, (b) => sim.addAccountTransaction(b));
  return app;
}

/** Serves the control API on 127.0.0.1:`port` (0: any free port). */
export function startControlServer(sim: TerminalSim, port: number): Promise<{ url: string; server: ServerType }> {
  return new Promise((resolve) => {
    const server = serve({ fetch: createControlApp(sim).fetch, port, hostname: '127.0.0.1' }, (info: AddressInfo) => {
      resolve({ url: `http://127.0.0.1:${info.port}`, server });
    });
  });
}
