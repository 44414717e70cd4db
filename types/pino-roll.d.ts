// pino-roll ships no types; only the options we use are declared.
declare module 'pino-roll' {
  import type { DestinationStream } from 'pino';
  type Options = {
    file: string; extension?: string; frequency?: 'daily' | 'hourly' | number; size?: string | number;
    mkdir?: boolean; limit?: { count?: number; removeOtherLogFiles?: boolean }; sync?: boolean; symlink?: boolean;
  };
  export default function pinoRoll(options: Options): Promise<DestinationStream & { flushSync?: () => void; end?: () => void }>;
}
