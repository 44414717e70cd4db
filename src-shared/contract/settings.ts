import { z } from 'zod';
import { method } from './define.ts';
import { device, settings } from './schemas.ts';

export const settingsMethods = {
  'settings.get': method({
    kind: 'query', access: 'staff', summary: 'Store and register settings.',
    input: z.object({}), output: settings,
  }),
  'settings.update': method({
    kind: 'command', access: ['manager'], summary: 'Change store and register settings (managers only).',
    input: settings.partial(), output: settings,
  }),
  'devices.pairingCode': method({
    kind: 'command', access: ['manager'], summary: 'Show a 6-digit code (valid 5 minutes) that a handheld enters to pair.',
    input: z.object({}), output: z.object({ code: z.string(), expiresAt: z.number().int() }),
  }),
  'devices.pair': method({
    kind: 'query', access: 'public', summary: 'A handheld trades a pairing code for a device token (stored hashed).',
    input: z.object({ code: z.string().regex(/^\d{6}$/, 'コードは6桁の数字です。'), name: z.string().trim().min(1).max(40) }),
    output: z.object({ deviceId: z.string(), token: z.string() }),
  }),
  'devices.list': method({
    kind: 'query', access: ['manager'], summary: 'Paired devices.',
    input: z.object({}), output: z.array(device),
  }),
  'devices.revoke': method({
    kind: 'command', access: ['manager'], summary: 'Unpair a device; its token stops working at once.',
    input: z.object({ deviceId: z.string() }), output: z.object({}),
  }),
};
