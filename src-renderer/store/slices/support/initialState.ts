import type { Input, LogEntry } from '../../../../src-shared/contract/index.ts';

export type LogLevel = NonNullable<Input<'support.logs'>['level']>;

export type SupportState = {
  logs: LogEntry[];
  /** Minimum level shown; undefined shows every level. */
  logLevel: LogLevel | undefined;
  logText: string;
  autoRefresh: boolean;
  logsLoading: boolean;
  exporting: boolean;
};

export const initialSupportState: SupportState = {
  logs: [],
  logLevel: undefined,
  logText: '',
  autoRefresh: false,
  logsLoading: false,
  exporting: false,
};
