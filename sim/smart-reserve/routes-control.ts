/**
 * The control API (base /_control, on its own port so it works while the REST API is down):
 * the HTTP face of LedgerControl. Never affected by faults.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { LedgerControl } from './control.ts';
import { faultSpec } from './faults.ts';
import { body, notFound, onError, param, type ApiEnv } from './http.ts';
import {
  advanceBody, blockBody, clockBody, day, id, mappingsBody, reservationBody, reservationPatch, seatsBody, storeBody,
} from './schemas.ts';
import { LedgerError } from './errors.ts';

export const CONTROL_BASE = '/_control';

const effectsQuery = z.object({ storeId: id.optional(), kind: z.string().optional(), naturalKey: z.string().optional(), idempotencyKey: z.string().optional() });
const settingsBody = storeBody.shape.settings.unwrap();

export function createControlApp(sim: LedgerControl): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();
  app.onError(onError);
  app.notFound(notFound);
  const r = new Hono<ApiEnv>();
  const sid = (c: { req: { param(name: string): string | undefined } }) => c.req.param('sid') ?? '';

  r.get('/state', (c) => c.json(sim.state()));
  r.post('/reset', async (c) => {
    await sim.reset();
    return c.json({ ok: true });
  });

  r.get('/clock', (c) => c.json(sim.clock()));
  r.put('/clock', async (c) => {
    const input = await body(c, clockBody);
    if (input.real === true) return c.json(sim.realClock());
    if (input.now === undefined) throw new LedgerError('VALIDATION_ERROR', { issues: [{ path: 'now', message: 'now または real を指定してください' }] });
    try {
      return c.json(sim.setClock(input.now, { frozen: input.frozen ?? true }));
    } catch (error) {
      if (error instanceof RangeError) throw new LedgerError('VALIDATION_ERROR', { issues: [{ path: 'now', message: '日時の形式が正しくありません' }] });
      throw error;
    }
  });
  r.post('/clock/advance', async (c) => {
    const input = await body(c, advanceBody);
    return c.json(sim.advanceClock((input.ms ?? 0) + (input.minutes ?? 0) * 60_000));
  });

  r.get('/faults', (c) => c.json({ faults: sim.faults() }));
  r.post('/faults', async (c) => c.json(await sim.addFault(await body(c, faultSpec)), 201));
  r.put('/faults', async (c) => c.json({ faults: await sim.setFaults((await body(c, z.object({ faults: z.array(faultSpec) }))).faults) }));
  r.delete('/faults', async (c) => {
    await sim.clearFaults();
    return c.json({ faults: [] });
  });
  r.delete('/faults/:id', async (c) => c.json({ removed: await sim.removeFault(param(c, 'id')) }));

  r.get('/effects', async (c) => {
    const parsed = effectsQuery.safeParse(c.req.query());
    if (!parsed.success) throw new LedgerError('VALIDATION_ERROR');
    return c.json({ effects: sim.effects(parsed.data) });
  });

  r.get('/stores', (c) => c.json({ stores: sim.stores() }));
  r.post('/stores', async (c) => c.json(sim.addStore(await body(c, storeBody)), 201));
  r.post('/stores/:sid/unlink', (c) => c.json(sim.unlinkStore(sid(c))));
  r.patch('/stores/:sid/settings', async (c) => c.json(sim.updateSettings(sid(c), await body(c, settingsBody))));

  r.get('/stores/:sid/seats', (c) => c.json({ seats: sim.seats(sid(c)) }));
  r.put('/stores/:sid/seats', async (c) => c.json({ seats: sim.setSeats(sid(c), (await body(c, seatsBody)).seats) }));
  r.get('/stores/:sid/mappings', (c) => c.json(sim.tables(sid(c))));
  r.put('/stores/:sid/mappings', async (c) => {
    const input = await body(c, mappingsBody);
    return c.json(sim.setMappings(sid(c), 'byName' in input ? input : input.mappings));
  });

  r.get('/stores/:sid/reservations', (c) => c.json({ reservations: sim.reservations(sid(c), { includeWalkIns: c.req.query('includeWalkIns') !== 'false' }) }));
  r.post('/stores/:sid/reservations', async (c) => c.json(sim.addReservation(sid(c), await body(c, reservationBody)), 201));
  r.get('/stores/:sid/reservations/:id', (c) => c.json(sim.reservation(sid(c), param(c, 'id'))));
  r.patch('/stores/:sid/reservations/:id', async (c) => c.json(sim.editReservation(sid(c), param(c, 'id'), await body(c, reservationPatch))));
  r.post('/stores/:sid/reservations/:id/cancel', (c) => c.json(sim.cancelReservation(sid(c), param(c, 'id'))));

  r.get('/stores/:sid/blocks', (c) => c.json({ blocks: sim.blocks(sid(c)) }));
  r.post('/stores/:sid/blocks', async (c) => c.json(sim.addBlock(sid(c), await body(c, blockBody)), 201));
  r.delete('/stores/:sid/blocks/:id', (c) => c.json(sim.removeBlock(sid(c), param(c, 'id'))));
  r.post('/stores/:sid/seed-demo', async (c) => {
    const input = await body(c, z.object({ businessDay: day.optional() }));
    return c.json(sim.seedDemo(sid(c), input), 201);
  });

  r.get('/stores/:sid/visits', (c) => c.json({ visits: sim.visits(sid(c)) }));
  r.get('/stores/:sid/visits/:id', (c) => c.json(sim.visit(sid(c), param(c, 'id'))));
  r.get('/stores/:sid/groups', (c) => c.json({ groups: sim.groups(sid(c)) }));
  r.get('/stores/:sid/slips', (c) => c.json({ slips: sim.slips(sid(c)) }));

  app.route(CONTROL_BASE, r);
  return app;
}
