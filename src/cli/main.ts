import type { Lang } from '../config/settings.js';
import { VERSION } from '../version.js';
import { cliLang, cliTranslator, errorText, isUsageMistake, type Command, type CommandIo } from './command.js';
import { consoleHelp } from './help/console-help.js';
import { helpText, type Help } from './help/help.js';
import { recordHelp, replayHelp } from './help/record-help.js';
import { reportHelp, statusHelp } from './help/cache-help.js';
import { gatewayHelp, simHelp } from './help/hub-help.js';
import { inLang } from '../messages.js';

/** A command whose module loads only when it runs: `status` does not pay for the console's UI, `--help` for none. */
const lazy = (name: string, help: Help, load: () => Promise<Pick<Command, 'run'>>): Command => ({
  name,
  help,
  run: async (argv, io) => (await load()).run(argv, io),
});

/** Every subcommand, in the order `hubmon --help` lists them; the console is the default. */
const commands: readonly Command[] = [
  lazy('console', consoleHelp, async () => (await import('./commands/console.js')).consoleCommand),
  lazy('sim', simHelp, async () => (await import('./commands/sim.js')).simCommand),
  lazy('status', statusHelp, async () => (await import('./commands/status.js')).statusCommand),
  lazy('report', reportHelp, async () => (await import('./commands/report.js')).reportCommand),
  lazy('record', recordHelp, async () => (await import('./commands/record.js')).recordCommand),
  lazy('replay', replayHelp, async () => (await import('./commands/replay.js')).replayCommand),
  lazy('gateway', gatewayHelp, async () => (await import('./commands/gateway.js')).gatewayCommand),
];

const usage = (lang: Lang): string => {
  const list = commands.map((c) => `  ${c.name.padEnd(10)} ${inLang(c.help.summary, lang)}`);
  return cliTranslator(lang)('cli.usage', { commands: list.join('\n') });
};

/** Entry point of the `hubmon` binary. Returns the exit code. */
export async function main(argv: readonly string[], io: CommandIo = process): Promise<number> {
  const lang = cliLang(argv, io.env);
  const t = cliTranslator(lang);
  const [first, ...rest] = argv;
  if (first === 'help') {
    io.stdout.write(usage(lang));
    return 0;
  }
  const isName = first !== undefined && !first.startsWith('-');
  const named = isName ? commands.find((c) => c.name === first) : undefined;
  if (isName && !named) {
    const list = commands.map((c) => c.name).join(', ');
    io.stderr.write(`hubmon: ${t('cli.unknownCommand', { name: first, list })}\n`);
    return 2;
  }
  const command = named ?? commands[0]!;
  const args = named ? rest : argv;
  // As `--help`, anywhere among the flags (`hubmon --lang vi -V`, `hubmon console --version`).
  if (args.includes('--version') || args.includes('-V')) {
    io.stdout.write(`hubmon ${VERSION}\n`);
    return 0;
  }
  if (args.includes('--help') || args.includes('-h')) {
    const help = helpText(command.help, lang);
    io.stdout.write(named ? help : `${usage(lang)}\n${help}`);
    return 0;
  }
  try {
    return await command.run(args, io);
  } catch (err) {
    const message = errorText(err, t);
    const mistake = isUsageMistake(err);
    const line = mistake ? t('cli.usageLine', { message, command: command.name }) : message.replace(/[\r\n]+/g, ' ');
    io.stderr.write(`hubmon ${command.name}: ${line}\n`);
    return mistake ? 2 : 1;
  }
}
