import type { Command } from '../command.js';
import { consoleCommand } from './console.js';
import { simCommand } from './sim.js';
import { gatewayCommand } from './gateway.js';
import { recordCommand } from './record.js';
import { replayCommand } from './replay.js';
import { reportCommand } from './report.js';
import { statusCommand } from './status.js';

/**
 * Every subcommand, in the order `hubmon --help` lists them. The console itself is the
 * default when no subcommand is named.
 */
export const commands: readonly Command[] = [
  consoleCommand,
  simCommand,
  statusCommand,
  reportCommand,
  recordCommand,
  replayCommand,
  gatewayCommand,
];
