import type { Configuration } from 'electron-builder';

/**
 * electron-builder configuration: `npm run dist` (needs the internet: electron-builder downloads
 * the Electron runtime and the NSIS/AppImage tools). The core and the Electron shell are
 * compiled to dist/ by `npm run build`; the renderer is built to dist/renderer.
 */
const config: Configuration = {
  appId: 'jp.example.usen-register',
  productName: 'レジ',
  directories: { buildResources: 'build', output: 'out' },
  files: ['dist/**', 'package.json', '!**/*.test.js', '!**/*.map'],
  // better-sqlite3 and serialport ship Node-API prebuilds that Electron 40+ loads as they are.
  npmRebuild: false,
  asarUnpack: ['**/*.node'],
  extraMetadata: { main: 'dist/src-main/electron/main.js' },
  win: { target: ['nsis'] },
  nsis: { oneClick: false, perMachine: true, allowToChangeInstallationDirectory: true },
  linux: { target: ['AppImage', 'deb'], category: 'Office' },
  mac: { target: ['dmg'], category: 'public.app-category.business' },
};

export default config;
