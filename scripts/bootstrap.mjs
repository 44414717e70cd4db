#!/usr/bin/env node
// Entry of `npm start` and `npm test` on a fresh clone. It runs on whatever Node is installed
// (the system's may be 20), installs the npm packages — including Node 22 itself, the `node`
// devDependency — when they are missing or stale, then hands over to scripts/<command>.ts on
// Node 22. Plain JavaScript on purpose: it must run before anything is installed.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [command = 'start', ...args] = process.argv.slice(2);
const bin = join(root, 'node_modules', '.bin');
const node22 = join(bin, process.platform === 'win32' ? 'node.cmd' : 'node');
const lock = join(root, 'package-lock.json');
const installed = join(root, 'node_modules', '.package-lock.json');

const mtime = (file) => (existsSync(file) ? statSync(file).mtimeMs : 0);
const stale = !existsSync(node22) || !existsSync(installed) || mtime(lock) > mtime(installed) || mtime(join(root, 'package.json')) > mtime(installed);

if (stale) {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const fresh = !existsSync(join(root, 'node_modules'));
  const npmArgs = fresh && existsSync(lock) ? ['ci', '--no-audit', '--no-fund'] : ['install', '--no-audit', '--no-fund'];
  console.log(`[bootstrap] installing packages: npm ${npmArgs.join(' ')}`);
  const res = spawnSync(npm, npmArgs, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (res.status !== 0) {
    console.error('[bootstrap] npm install failed; see the messages above.');
    process.exit(res.status ?? 1);
  }
}

const script = join(root, 'scripts', `${command}.ts`);
if (!existsSync(script)) {
  console.error(`[bootstrap] unknown command ${command}`);
  process.exit(2);
}
const env = { ...process.env, PATH: `${bin}${process.platform === 'win32' ? ';' : ':'}${process.env.PATH ?? ''}` };
const res = spawnSync(node22, [script, ...args], { cwd: root, stdio: 'inherit', env, shell: process.platform === 'win32' });
process.exit(res.status ?? (res.signal ? 1 : 0));
