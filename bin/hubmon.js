#!/usr/bin/env node
// React's development build compares every prop of every row on each render; operators run
// the production build unless they ask otherwise.
process.env.NODE_ENV ??= 'production';

const { main } = await import('../dist/cli/main.js');
process.exitCode = await main(process.argv.slice(2));
