import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

export const APP_DIR_NAME = 'usen-register';

/** POS_DATA_DIR wins; otherwise the usual per-OS application-data folder. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.POS_DATA_DIR) return env.POS_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_DIR_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_DIR_NAME);
  return join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), APP_DIR_NAME);
}

/** The folder holding package.json, whether we run from sources or compiled into dist/. */
export function appRoot(from = import.meta.dirname): string {
  for (let dir = from, i = 0; i < 6; i++, dir = dirname(dir)) if (existsSync(join(dir, 'package.json'))) return dir;
  return from;
}

/** The built renderer (vite build output). */
export const rendererDir = (): string => join(appRoot(), 'dist', 'renderer');
