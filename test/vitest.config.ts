import { defineConfig } from 'vitest/config';

const tests = (folders: string[]) => folders.flatMap((f) => [`test/${f}/**/*.test.ts`, `test/${f}/**/*.test.tsx`]);
/** Real sockets, SQLite files and processes: the session, the client, the cache, the simulated hub, the gateway. */
const integration = ['app', 'bench', 'faults', 'gateway', 'ingest', 'record', 'security', 'sim', 'status', 'store'];
/** The real bin/hubmon, in tmux where a terminal is needed. */
const e2e = ['e2e'];

export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Real sockets, SQLite files and tmux sessions: keep parallelism modest on a 2-core machine.
    maxWorkers: 2,
    reporters: process.env.CI ? ['default', ['json', { outputFile: '.vitest-report.json' }]] : ['default'],
    projects: [
      // Everything else: pure functions, components at a fixed width, rules and metrics over small caches.
      { extends: true, test: { name: 'unit', include: tests(['**']), exclude: [...tests([...integration, ...e2e])] } },
      { extends: true, test: { name: 'integration', include: tests(integration) } },
      { extends: true, test: { name: 'e2e', include: tests(e2e) } },
    ],
  },
});
