// Runs the telegram-test-api emulator for the integration tests.
// Usage: node emulator.js <port>   (or EMULATOR_PORT=<port> node emulator.js)
'use strict';

const TelegramServer = require('telegram-test-api');

const port = Number(process.argv[2] ?? process.env.EMULATOR_PORT);
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  console.error('emulator: pass the port as the first argument or in EMULATOR_PORT');
  process.exit(2);
}

// Keep every message for the whole test run: the default 60 s purges replies a slow test still reads.
// A long run (the soak benchmark) sets EMULATOR_STORE_TIMEOUT (seconds) lower, so that the store stays small.
const storeTimeout = Number(process.env.EMULATOR_STORE_TIMEOUT ?? 24 * 60 * 60);
if (!Number.isInteger(storeTimeout) || storeTimeout <= 0) {
  console.error('emulator: EMULATOR_STORE_TIMEOUT must be a whole number of seconds');
  process.exit(2);
}
const server = new TelegramServer({ host: '127.0.0.1', port, storeTimeout });

// A failed webhook call or a command without entities rejects a promise nobody awaits;
// log it instead of letting Node end the process under the running tests.
process.on('unhandledRejection', (error) => {
  console.error(`emulator: unhandled rejection: ${error?.stack ?? error}`);
});

let stopping = false;
async function stop() {
  if (stopping) {
    return;
  }
  stopping = true;
  await server.stop();
  process.exit(0);
}

process.on('SIGTERM', stop);
process.on('SIGINT', stop);
// The test host holds our stdin: when it exits, even by crashing, stdin ends and so do we.
process.stdin.on('end', stop);
process.stdin.on('close', stop);
process.stdin.resume();

server.start().then(
  () => console.log(`telegram-test-api listening on http://127.0.0.1:${port}`),
  (error) => {
    console.error(`emulator: unable to listen on port ${port}: ${error.message}`);
    process.exit(1);
  },
);
