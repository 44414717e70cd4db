import { isMethodName, methods, type AnyEvent, type Input, type MethodName, type Output } from '../../src-shared/contract/index.ts';
import { fail, type Result } from '../../src-shared/result.ts';
import { validate } from '../../src-shared/validate.ts';
import type { Transport } from './transport.ts';

const newId = (): string => crypto.randomUUID();

/**
 * The UI's only door to the core. Inputs are checked against the contract before sending (staff
 * see field errors at once) and outputs after receiving. A command gets one id that is reused
 * for its retries, so a call repeated after a network error is applied once.
 */
export class ApiClient {
  sessionId: string | null = null;
  private readonly transport: Transport;

  constructor(transport: Transport) {
    this.transport = transport;
  }

  async invoke<M extends MethodName>(method: M, input: Input<M>, opts: { retries?: number } = {}): Promise<Result<Output<M>>> {
    if (!isMethodName(method)) return fail('UNKNOWN_METHOD', 'この操作はサポートされていません。');
    const def = methods[method];
    const checked = validate(def.input, input);
    if (!checked.ok) return checked;
    const envelope = {
      method, input: checked.value, sessionId: this.sessionId ?? undefined,
      commandId: def.kind === 'command' ? newId() : undefined,
    };
    const attempts = def.kind === 'command' ? (opts.retries ?? 2) + 1 : 1;
    let result: Result<unknown> = fail('NETWORK', 'レジ本体と通信できません。');
    for (let i = 0; i < attempts; i++) {
      result = await this.transport.call(envelope);
      if (result.ok || result.error.code !== 'NETWORK') break;
      await new Promise((r) => setTimeout(r, 300 * (i + 1)));
    }
    if (!result.ok) return result;
    const out = validate(def.output, result.value);
    return out.ok ? (out as Result<Output<M>>) : fail('INTERNAL', '予期せぬエラーが発生しました。(応答形式)');
  }

  subscribe(onEvent: (event: AnyEvent) => void, onConnection?: (connected: boolean) => void): () => void {
    return this.transport.subscribe(onEvent, onConnection);
  }
}
