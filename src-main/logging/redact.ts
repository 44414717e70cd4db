/**
 * Card numbers must never reach a log (DEVELOPERS.md: no card number is ever stored or logged).
 * Besides pino's path redaction we mask any 13–19 digit run (spaces or hyphens allowed) that
 * passes the Luhn check, wherever it hides in a string. Keys that legitimately hold long numbers
 * (13-digit slip numbers, invoice registration numbers) are exempt by name.
 */
const CARD_LIKE = /\b\d(?:[ -]?\d){12,18}\b/g;
const EXEMPT_KEYS = new Set(['slipNo', 'slipNumber', 'registrationNo', 'commandId', 'sessionId', 'time', 'at', 'pid']);

export const REDACT_PATHS = [
  'pin', '*.pin', 'token', '*.token', 'pan', '*.pan', 'cardNumber', '*.cardNumber', 'password', '*.password',
  'input.pin', 'input.token', 'headers.authorization', 'pinHash', '*.pinHash', 'tokenHash', '*.tokenHash',
];

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) { d *= 2; if (d > 9) d -= 9; }
    sum += d;
  }
  return sum % 10 === 0;
}

export function maskCardNumbers(text: string): string {
  return text.replace(CARD_LIKE, (match) => {
    const digits = match.replace(/[ -]/g, '');
    return luhnValid(digits) ? `****${digits.slice(-4)}` : match;
  });
}

/** Deep copy with card-like strings masked; bounded depth so a cyclic object cannot hang logging. */
export function redactValue(value: unknown, key = '', depth = 0): unknown {
  if (depth > 8) return '[depth]';
  if (typeof value === 'string') return EXEMPT_KEYS.has(key) ? value : maskCardNumbers(value);
  if (typeof value === 'number') return !EXEMPT_KEYS.has(key) && Number.isInteger(value) && value > 1e12 && luhnValid(String(value)) ? `****${String(value).slice(-4)}` : value;
  if (value instanceof Error) return { type: value.name, message: maskCardNumbers(value.message), stack: maskCardNumbers(value.stack ?? '') };
  if (Array.isArray(value)) return value.map((v) => redactValue(v, key, depth + 1));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = redactValue(v, k, depth + 1);
    return out;
  }
  return value;
}
