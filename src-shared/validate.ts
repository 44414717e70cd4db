import { z } from 'zod';
import { fail, ok, type Result } from './result.ts';
import { staffMessages } from './errors.ts';

// Japanese default messages for every schema that does not set its own (staff read them).
z.config(z.locales.ja());

/** Parse with a schema; on failure a VALIDATION error whose fields map paths to Japanese messages. */
export function validate<S extends z.ZodType>(schema: S, value: unknown): Result<z.output<S>> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return ok(parsed.data);
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path.join('.') || '_';
    fields[path] ??= issue.message;
  }
  const first = Object.values(fields)[0];
  return fail('VALIDATION', first ? `${staffMessages.VALIDATION} ${first}` : staffMessages.VALIDATION, fields);
}
