/**
 * The shape of every answer that crosses a process or network boundary (Signal Desktop style):
 * callers branch on `ok` instead of catching exceptions thrown across IPC/HTTP.
 */
export type ApiError = {
  /** Stable machine code, e.g. `VALIDATION`, `TILL_NOT_OPEN`. */
  code: string;
  /** Message for staff, in Japanese. */
  message: string;
  /** Field-level details for forms (path → Japanese message). */
  fields?: Record<string, string>;
};

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: string, message: string, fields?: Record<string, string>): Result<never> =>
  fields ? { ok: false, error: { code, message, fields } } : { ok: false, error: { code, message } };
