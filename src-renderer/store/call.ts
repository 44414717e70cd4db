import type { Input, MethodName, Output } from '../../src-shared/contract/index.ts';
import type { Result } from '../../src-shared/result.ts';
import type { Deps, GetState } from './types.ts';

/**
 * Every slice calls the API through here so failures are handled one way: the Japanese message
 * from the core becomes a toast (unless the caller shows it inline), and a session the core no
 * longer knows (station restarted, staff disabled) sends the person back to the login screen.
 */
export async function callApi<M extends MethodName>(
  deps: Deps, get: GetState, method: M, input: Input<M>, opts: { toast?: boolean } = {},
): Promise<Result<Output<M>>> {
  const result = await deps.client.invoke(method, input);
  if (!result.ok) {
    if (result.error.code === 'UNAUTHENTICATED' && get().staff) get().internal_sessionExpired();
    // A handheld the register does not know (never paired, or unpaired there): the pairing screen.
    if (result.error.code === 'DEVICE_NOT_PAIRED') {
      get().internal_deviceUnpaired();
      return result;
    }
    if (opts.toast !== false) get().pushToast('error', result.error.message);
  }
  return result;
}
