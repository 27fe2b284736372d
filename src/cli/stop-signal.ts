/**
 * Resolves at the first SIGINT (Ctrl-C) or SIGTERM (a service manager), and stops listening
 * for both: how the long-running commands (sim, gateway, record) learn to close cleanly.
 */
export function untilStopSignal(): Promise<void> {
  return new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
