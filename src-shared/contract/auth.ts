import { z } from 'zod';
import { method } from './define.ts';
import { id, pin, role, staff } from './schemas.ts';

export const authMethods = {
  'auth.staffList': method({
    kind: 'query', access: 'public', summary: 'Active staff for the login picker (G1).',
    input: z.object({}), output: z.array(staff),
  }),
  'auth.login': method({
    kind: 'query', access: 'public', summary: 'Log in with staff id and PIN (G1); returns a session id to send with later calls.',
    input: z.object({ staffId: id, pin }),
    output: z.object({ sessionId: z.string(), staff }),
  }),
  'auth.logout': method({
    kind: 'query', access: 'staff', summary: 'End the session.',
    input: z.object({}), output: z.object({}),
  }),
  'auth.me': method({
    kind: 'query', access: 'staff', summary: 'The staff member of the current session.',
    input: z.object({}), output: staff,
  }),
  'staff.list': method({
    kind: 'query', access: ['manager'], summary: 'All staff, active or not.',
    input: z.object({}), output: z.array(staff),
  }),
  'staff.save': method({
    kind: 'command', access: ['manager'], summary: 'Create or update a staff member; a new PIN is stored as a scrypt hash.',
    input: z.object({
      id: id.optional(), name: z.string().trim().min(1, '名前を入力してください。').max(20, '名前は20文字以内で入力してください。'),
      role, active: z.boolean(), pin: pin.optional(),
    }),
    output: staff,
  }),
};
