import type { Lang } from '../../config/settings.js';
import type { Command } from '../command.js';
import { consoleHelp, consoleSummary } from '../help/console-help.js';
import { gatewayHelp, gatewaySummary } from '../help/gateway-help.js';
import { recordHelp, recordSummary, replayHelp, replaySummary } from '../help/record-help.js';
import { reportHelp, reportSummary } from '../help/report-help.js';
import { simHelp, simSummary } from '../help/sim-help.js';
import { statusHelp, statusSummary } from '../help/status-help.js';

type Texts = Readonly<Record<Lang, string>>;

/** A command whose module loads only when it runs: `status` does not pay for the console's UI, `--help` for none. */
const lazy = (name: string, summary: Texts, help: Texts, load: () => Promise<Pick<Command, 'run'>>): Command => ({
  name,
  summary,
  help,
  run: async (argv, io) => (await load()).run(argv, io),
});

/** Every subcommand, in the order `hubmon --help` lists them; the console is the default. */
export const commands: readonly Command[] = [
  lazy('console', consoleSummary, consoleHelp, async () => (await import('./console.js')).consoleCommand),
  lazy('sim', simSummary, simHelp, async () => (await import('./sim.js')).simCommand),
  lazy('status', statusSummary, statusHelp, async () => (await import('./status.js')).statusCommand),
  lazy('report', reportSummary, reportHelp, async () => (await import('./report.js')).reportCommand),
  lazy('record', recordSummary, recordHelp, async () => (await import('./record.js')).recordCommand),
  lazy('replay', replaySummary, replayHelp, async () => (await import('./replay.js')).replayCommand),
  lazy('gateway', gatewaySummary, gatewayHelp, async () => (await import('./gateway.js')).gatewayCommand),
];
