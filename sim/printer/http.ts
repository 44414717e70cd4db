// HTTP control API of the printer simulator (for e2e tests and manual checks); see
// docs/simulators/printer.md for the routes.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { z } from 'zod';
import type { PrinterSimulator, SimJob } from './simulator.ts';

const faultsBody = z.object({
  offline: z.boolean(), paperOut: z.boolean(), coverOpen: z.boolean(), paperNearEnd: z.boolean(),
  unresponsive: z.boolean(), drawerOpen: z.boolean(),
}).partial().strict();

const summary = (j: SimJob) => ({
  id: j.id, channel: j.channel, startedAt: j.startedAt, endedAt: j.endedAt, ended: j.ended, bytes: j.bytes.length,
  lines: j.lines.length, drawerKicks: j.drawerKicks, images: j.images, barcodes: j.barcodes.length,
});
const full = (j: SimJob) => ({ ...summary(j), text: j.text, lines: j.lines, barcodes: j.barcodes, unknownCommands: j.unknownCommands, bytesBase64: Buffer.from(j.bytes).toString('base64') });

export function controlApp(sim: PrinterSimulator): Hono {
  const app = new Hono();
  const pick = (id: string): SimJob | undefined => (id === 'last' ? sim.lastJob() : sim.job(Number(id)));

  app.get('/status', (c) => c.json({ faults: sim.faults(), jobs: sim.jobs().length, drawerKicks: sim.drawerKicks() }));
  app.get('/faults', (c) => c.json(sim.faults()));
  app.post('/faults', async (c) => {
    const parsed = faultsBody.safeParse(await c.req.json().catch(() => null));
    if (!parsed.success) return c.json({ error: 'invalid faults', issues: parsed.error.issues }, 400);
    return c.json(sim.setFaults(parsed.data));
  });
  app.post('/reset', (c) => {
    sim.clear();
    return c.json(sim.setFaults({ offline: false, paperOut: false, coverOpen: false, paperNearEnd: false, unresponsive: false, drawerOpen: false }));
  });
  app.post('/clear', (c) => { sim.clear(); return c.json({ ok: true }); });
  app.get('/drawer', (c) => c.json({ kicks: sim.drawerKicks() }));
  app.get('/jobs', (c) => c.json(sim.jobs().map(summary)));
  app.get('/jobs/:id', (c) => {
    const job = pick(c.req.param('id'));
    return job ? c.json(full(job)) : c.json({ error: 'no such job' }, 404);
  });
  app.get('/jobs/:id/text', (c) => {
    const job = pick(c.req.param('id'));
    return job ? c.text(job.text) : c.text('no such job', 404);
  });
  app.get('/jobs/:id/bytes', (c) => {
    const job = pick(c.req.param('id'));
    if (!job) return c.text('no such job', 404);
    return c.body(new Uint8Array(job.bytes), 200, { 'content-type': 'application/octet-stream' });
  });
  return app;
}

export function listenHttp(sim: PrinterSimulator, port = 0, hostname = '127.0.0.1'): Promise<{ port: number; close: () => Promise<void> }> {
  return new Promise((resolve) => {
    const server = serve({ fetch: controlApp(sim).fetch, port, hostname }, (info) => {
      resolve({
        port: info.port,
        close: () => new Promise<void>((done) => {
          if ('closeAllConnections' in server) server.closeAllConnections();
          server.close(() => done());
        }),
      });
    });
  });
}
