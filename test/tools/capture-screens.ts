/**
 * Captures the console as an operator sees it — the real bin/hubmon in tmux at 80×24 against
 * the simulated hub — and writes the screens into README.md between their markers, so the
 * README shows what the console looks like today. Run with `npm run screens`.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_AGENCIES } from '../../src/app/session.js';
import { DEMO_COMMUNES_IN } from '../../src/registry/index.js';
import { startSimHub } from '../../src/sim/index.js';
import { repoRoot } from '../support/bin.js';
import { headerSaysLive, startConsoleInTmux } from '../support/console-in-tmux.js';

const root = repoRoot;

/** Replaces the text between `<!-- screen:NAME -->` and `<!-- /screen:NAME -->`. */
export function putScreen(readme: string, name: string, screen: string): string {
  const open = `<!-- screen:${name} -->`;
  const close = `<!-- /screen:${name} -->`;
  const start = readme.indexOf(open);
  const end = readme.indexOf(close);
  if (start < 0 || end < start) throw new Error(`README.md has no ${open} … ${close} markers`);
  const body = screen.replace(/\s+$/gm, '').replace(/\n+$/, '');
  return `${readme.slice(0, start + open.length)}\n\`\`\`text\n${body}\n\`\`\`\n${readme.slice(end)}`;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'hubmon-screens-'));
  // 20× speed: the scripted security-server outage starts a few seconds in.
  // The demo's registry: 1,500 agencies, Nghệ An, Cao Bằng and Ninh Bình down to the commune.
  const hub = await startSimHub({
    port: 0,
    seed: 7,
    speed: 20,
    agencies: DEMO_AGENCIES,
    communesIn: DEMO_COMMUNES_IN,
    history: 2 * 3_600_000,
  });
  const outage = hub.incidents.find((i) => i.kind === 'server_down');
  const term = startConsoleInTmux(hub.url, dir);
  try {
    await term.waitFor(headerSaysLive, 'live', 60_000);
    const down = (s: string) => outage !== undefined && s.includes(outage.target) && s.includes('DOWN');
    const overview = await term.waitFor(down, 'the outage on the overview', 60_000);
    term.send('3');
    await term.waitFor((s) => s.includes('Security servers') && down(s), 'the servers screen');
    await term.waitFor((s) => {
      if (s.split('\n').some((l) => l.startsWith('›') && down(l))) return true;
      term.send('j');
      return false;
    }, 'the cursor on the down server');
    // Enter on a server lists the agencies behind it; Enter again opens the first.
    term.send('Enter');
    await term.waitFor((s) => s.includes('Agencies behind'), 'the agencies behind the server');
    term.send('Enter');
    const detail = await term.waitFor((s) => /level \d/.test(s), 'the agency detail');
    // A district of Nghệ An and the communes under it: Agencies, level 2, filtered, opened.
    term.send('2');
    await term.waitFor((s) => s.includes('Agencies · level 1'), 'the agencies screen');
    term.send('l');
    await term.waitFor((s) => s.includes('Agencies · level 2'), 'level 2');
    term.send('/');
    term.type('quy hop');
    term.send('Enter');
    await term.waitFor((s) => s.split('\n').some((l) => l.startsWith('›') && l.includes('huyện Quỳ Hợp')), 'Quỳ Hợp');
    term.send('Enter');
    await term.waitFor((s) => s.includes('UBND huyện Quỳ Hợp ‹'), 'the district');
    // Sorted by name, its communes (xã …) come after its offices: the last page.
    term.send('G');
    const communes = await term.waitFor((s) => /^›xã /m.test(s), 'its communes');
    term.send('q');
    let readme = readFileSync(join(root, 'README.md'), 'utf8');
    readme = putScreen(readme, 'overview', overview);
    readme = putScreen(readme, 'detail', detail);
    readme = putScreen(readme, 'communes', communes);
    writeFileSync(join(root, 'README.md'), readme);
    process.stdout.write(`${overview}\n${detail}\n${communes}\nREADME.md updated.\n`);
  } finally {
    term.kill();
    await hub.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err: unknown) => {
    process.stderr.write(`capture-screens: ${(err as Error).message}\n`);
    process.exitCode = 1;
  });
}
