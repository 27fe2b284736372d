import type { Command } from '../command.js';

/**
 * Every subcommand, in the order `hubmon --help` lists them. The console itself is the
 * default when no subcommand is named.
 */
export const commands: readonly Command[] = [];
