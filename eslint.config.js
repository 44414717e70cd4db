// Lint rules, including the layering of docs/architecture.md: which folder may import what.
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'net', 'http', 'crypto', 'child_process', 'stream', 'events', 'url', 'util', 'zlib'];
const layer = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: patterns.map((group) => ({ group: [group], message })) }],
});

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'out/**', 'test-results/**', 'playwright-report/**', '.data/**', '.tmp/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'max-lines': ['warn', { max: 400, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    // Common code runs everywhere (renderer, handheld browser, Node): no Node, no Electron, no other layer.
    files: ['src-shared/**'],
    rules: layer([...nodeBuiltins, 'electron', 'better-sqlite3', 'serialport', '**/src-main/**', '**/src-renderer/**', '**/native/**', '**/sim/**'],
      'src-shared is common code: it may import only src-shared and pure libraries (docs/architecture.md).'),
  },
  {
    files: ['src-renderer/**'],
    ignores: ['src-renderer/vite.config.ts'], // build configuration, runs in Node
    rules: layer([...nodeBuiltins, 'electron', 'better-sqlite3', 'serialport', '**/src-main/**', '**/native/**', '**/sim/**'],
      'The renderer talks to the core only through the API contract in src-shared (docs/architecture.md).'),
  },
  {
    // The core runs in Electron and as the plain-Node station: it never imports electron.
    files: ['src-main/**', 'native/**', 'bench/**'],
    ignores: ['src-main/electron/**', '**/*.test.ts', 'src-main/testing/**'],
    rules: layer(['electron', '**/src-renderer/**', '**/sim/**'],
      'The core never imports electron or the renderer; only src-main/electron is the Electron shell (docs/architecture.md).'),
  },
  {
    // Tests and test harnesses may start simulators (sim/) beside the core, never Electron.
    files: ['**/*.test.ts', 'src-main/testing/**'],
    rules: layer(['electron'], 'Tests run without Electron (docs/architecture.md).'),
  },
  {
    files: ['native/**'],
    ignores: ['**/*.test.ts'],
    rules: layer(['electron', '**/src-main/**', '**/src-renderer/**', '**/sim/**'],
      'native/ holds device transports and codecs: it depends on nothing of the app (docs/architecture.md).'),
  },
  {
    // Simulators stand for outside services: they may share wire codecs (native/) and the contract, nothing else.
    files: ['sim/**'],
    rules: layer(['electron', '**/src-main/**', '**/src-renderer/**'],
      'Simulators are outside services: they may use native/ codecs and src-shared only (docs/architecture.md).'),
  },
);
