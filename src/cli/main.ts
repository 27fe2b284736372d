import { processIo, UsageError, type CommandIo } from './command.js';
import { commands } from './commands/index.js';
import { VERSION } from '../version.js';

const usage = (): string =>
  [
    'hubmon — monitoring console for the national document exchange hub',
    '',
    'Usage: hubmon [options]            watch a hub (no --url: the built-in simulated hub, DEMO)',
    '       hubmon <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`),
    '',
    'Run "hubmon <command> --help" for its options, "hubmon console --help" for the console\'s.',
    '',
  ].join('\n');

/** Entry point of the `hubmon` binary. Returns the exit code. */
export async function main(argv: readonly string[], io: CommandIo = processIo()): Promise<number> {
  const [first, ...rest] = argv;
  if (first === '--version' || first === '-V') {
    io.stdout.write(`hubmon ${VERSION}\n`);
    return 0;
  }
  if (first === 'help' || ((first === '--help' || first === '-h') && !commands.some((c) => c.name === 'console'))) {
    io.stdout.write(usage());
    return 0;
  }
  const named = first !== undefined && !first.startsWith('-') ? commands.find((c) => c.name === first) : undefined;
  if (first !== undefined && !first.startsWith('-') && !named) {
    io.stderr.write(`hubmon: unknown command "${first}"\n\n${usage()}`);
    return 2;
  }
  const command = named ?? commands.find((c) => c.name === 'console');
  const args = named ? rest : argv;
  if (!command) {
    io.stdout.write(usage());
    return 0;
  }
  if (args.includes('--help') || args.includes('-h')) {
    const help = command.helpFor?.(args, io.env) ?? command.help;
    io.stdout.write(named ? help : `${usage()}\n${help}`);
    return 0;
  }
  try {
    return await command.run(args, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr.write(`hubmon ${command.name}: ${err.message}\nRun "hubmon ${command.name} --help" for usage.\n`);
      return 2;
    }
    io.stderr.write(`hubmon ${command.name}: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}
