import { defineConfig } from 'vitest/config';

// Unit and integration tests live beside the code (*.test.ts). Browser e2e is Playwright's (e2e/).
export default defineConfig({
  test: {
    include: ['src-main/**/*.test.ts', 'src-shared/**/*.test.ts', 'native/**/*.test.ts', 'sim/**/*.test.ts', 'src-renderer/**/*.test.ts', 'src-renderer/**/*.test.tsx'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
