// Preloaded into e2e stations (node --import): when the Playwright worker that started the
// station dies without its teardown (a crash), stdin closes and the station goes with it
// instead of lingering on the machine.
process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
process.stdin.resume();
