import type { Output } from '../../../../src-shared/contract/index.ts';

export type SystemStatus = Output<'system.status'>;

export type SystemState = {
  /**
   * loading until status and a stored session are checked; unreachable when the core does not answer;
   * unpaired when the station does not know this handheld (DEVICE_NOT_PAIRED: the pairing screen).
   */
  boot: 'loading' | 'ready' | 'unreachable' | 'unpaired';
  bootError: string | null;
  status: SystemStatus | null;
  /** Whether the push channel (events) is up: the header's connection indicator. */
  connected: boolean;
};

export const initialSystemState: SystemState = {
  boot: 'loading',
  bootError: null,
  status: null,
  connected: false,
};
