#!/usr/bin/env node
// React's development build compares every prop of every row on each render; operators run
// the production build unless they ask otherwise.
process.env.NODE_ENV ??= 'production';

// Ink draws only a final frame when CI or CONTINUOUS_INTEGRATION is set. A person at a terminal
// (an SSH session that happens to export CI, a test driving a real terminal) gets the live console.
if (process.stdin.isTTY && process.stdout.isTTY) {
  delete process.env.CI;
  delete process.env.CONTINUOUS_INTEGRATION;
}

// Output piped into `head` or a pager that has seen enough: stop quietly, as other tools do.
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (err) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });

const { main } = await import('../dist/cli/main.js');
process.exitCode = await main(process.argv.slice(2));
