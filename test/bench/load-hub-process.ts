/** The load benches' simulated hub in a process of its own, so its CPU and memory are not counted. */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { LoadHubReady, LoadHubRequest } from './load-hub.js';

/** Starts the hub process and waits until it listens. */
export async function startLoadHub(request: LoadHubRequest): Promise<{ child: ChildProcess; ready: LoadHubReady }> {
  const child = fork(fileURLToPath(new URL('./load-hub.js', import.meta.url)), [JSON.stringify(request)], {
    stdio: 'inherit',
    execArgv: [],
  });
  const ready = await new Promise<LoadHubReady>((resolve, reject) => {
    child.once('message', (m) => resolve(m as LoadHubReady));
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`load hub exited (${code}) before listening`)));
  });
  return { child, ready };
}

/** Stops the hub process and waits until it has exited. */
export function endLoadHub(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  return exited;
}
