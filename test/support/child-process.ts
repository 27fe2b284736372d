import { spawn, spawnSync, type ChildProcess, type SpawnSyncReturns } from 'node:child_process';
import path from 'node:path';
import { requireBuild, repoRoot } from './bin.js';

/**
 * The one way tests start a process of their own: a script in `test/support/children/`, plain
 * JavaScript over the built `dist/` (as `bin/hubmon` runs it), so a child runs the same code
 * an operator does and needs no build step of its own.
 */
export function childScript(name: string): string {
  requireBuild();
  return path.join(repoRoot, 'test/support/children', name);
}

/** A running child with its stdout lines; `waitLine` resolves on the first line matching. */
export interface Child {
  readonly proc: ChildProcess;
  readonly lines: string[];
  readonly stderr: () => string;
  waitLine(pattern: RegExp): Promise<string>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts the child script `name` with `args`, its output read line by line. */
export function runChild(name: string, args: string[]): Child {
  const proc = spawn(process.execPath, [childScript(name), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let err = '';
  const waiters: { pattern: RegExp; resolve: (l: string) => void }[] = [];
  let buf = '';
  proc.stdout!.on('data', (chunk: Buffer) => {
    buf += chunk.toString();
    let i;
    while ((i = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, i);
      buf = buf.slice(i + 1);
      lines.push(line);
      for (const w of [...waiters]) {
        if (w.pattern.test(line)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(line);
        }
      }
    }
  });
  proc.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    proc,
    lines,
    stderr: () => err,
    exited,
    waitLine(pattern) {
      const found = lines.find((l) => pattern.test(l));
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        waiters.push({ pattern, resolve });
        void exited.then(({ code, signal }) =>
          reject(new Error(`child exited (${code ?? signal}) before ${pattern}: ${err}`)),
        );
      });
    },
  };
}

/** Runs the child script `name` to its end. */
export function runChildSync(name: string, args: string[]): SpawnSyncReturns<Buffer> {
  return spawnSync(process.execPath, [childScript(name), ...args]);
}
