/**
 * One load at a time: a call while one runs asks for one more run after it (pushes arrive in
 * bursts; each must be reflected, but one fresh read covers them all). Callers share the promise.
 */
export function coalesce<A>(run: (arg?: A) => Promise<void>): (arg?: A) => Promise<void> {
  let inFlight: Promise<void> | null = null;
  let again = false;
  return (arg) => {
    if (inFlight) {
      again = true;
      return inFlight;
    }
    inFlight = (async () => {
      do {
        again = false;
        await run(arg);
      } while (again);
    })().finally(() => {
      inFlight = null;
    });
    return inFlight;
  };
}
