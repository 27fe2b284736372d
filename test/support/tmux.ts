import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';

/** A real terminal: a detached tmux session of a fixed size running one command. */
export interface TmuxSession {
  readonly name: string;
  /** The visible screen as plain text, one string per row. */
  capture(): string;
  /** The visible screen with its colours and attributes as SGR escape sequences. */
  captureStyled(): string;
  /** Types keys as tmux names them (`Enter`, `Escape`, `q`, `C-c`…). */
  send(...keys: string[]): void;
  /** Types literal text. */
  type(text: string): void;
  /** Waits until `predicate(screen)` holds; throws with the last screen when it never does. */
  waitFor(predicate: (screen: string) => boolean, what: string, timeoutMs?: number): Promise<string>;
  /** Pid of the command running in the pane (0 once it has exited). */
  panePid(): number;
  /** True while the pane's command still runs. */
  alive(): boolean;
  resize(cols: number, rows: number): void;
  /** Terminal modes a program must give back on exit: alternate screen off, cursor shown. */
  modes(): { alternateScreen: boolean; cursorVisible: boolean };
  kill(): void;
}

/**
 * hubmon's terminals live on a tmux server of their own (`tmux -L hubmon ls` lists them), apart
 * from the operator's sessions and anything else on the default server.
 */
const SOCKET = ['-L', 'hubmon'];
const tmux = (...args: string[]): string => execFileSync('tmux', [...SOCKET, ...args], { encoding: 'utf8' });

/**
 * A tmux server exits with its last session; a session started at that moment meets a server on
 * its way out ("server exited unexpectedly"). Starting again then finds (or starts) a live one.
 */
function startSession(args: string[]): void {
  for (let attempt = 1; ; attempt++) {
    try {
      tmux('new-session', ...args);
      return;
    } catch (err) {
      if (attempt >= 3 || !String((err as Error).message).includes('server exited')) throw err;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
}

/** True when tmux is installed. */
export function hasTmux(): boolean {
  try {
    execFileSync('tmux', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts `command` in a new tmux session of cols×rows. `remain-on-exit` keeps the pane after the
 * command ends, so a test can read what it left on the screen and whether it exited.
 */
export function startTmux(
  command: string,
  opts: { cols?: number; rows?: number; env?: Record<string, string> } = {},
): TmuxSession {
  const name = `hubmon-e2e-${randomBytes(4).toString('hex')}`;
  const env = Object.entries(opts.env ?? {})
    .map(([k, v]) => `${k}=${shellQuote(v)}`)
    .join(' ');
  startSession([
    '-d',
    '-s',
    name,
    '-x',
    String(opts.cols ?? 80),
    '-y',
    String(opts.rows ?? 24),
    `${env ? `env ${env} ` : ''}${command}; echo "[exit $?]"; sleep 30`,
  ]);
  tmux('set-option', '-t', name, 'remain-on-exit', 'on');
  const session: TmuxSession = {
    name,
    capture: () => tmux('capture-pane', '-p', '-t', name),
    captureStyled: () => tmux('capture-pane', '-p', '-e', '-t', name),
    send: (...keys) => void tmux('send-keys', '-t', name, ...keys),
    type: (text) => void tmux('send-keys', '-t', name, '-l', text),
    async waitFor(predicate, what, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      let screen = '';
      while (Date.now() < deadline) {
        try {
          screen = session.capture();
        } catch {
          screen = '(session gone)';
        }
        if (predicate(screen)) return screen;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`timed out waiting for ${what}; screen was:\n${screen}`);
    },
    panePid: () => Number(tmux('display-message', '-p', '-t', name, '#{pane_pid}').trim()) || 0,
    alive: () => {
      try {
        tmux('has-session', '-t', name);
        return true;
      } catch {
        return false;
      }
    },
    resize: (cols, rows) => void tmux('resize-window', '-t', name, '-x', String(cols), '-y', String(rows)),
    modes: () => {
      const [alt, cursor] = tmux('display-message', '-p', '-t', name, '#{alternate_on} #{cursor_flag}')
        .trim()
        .split(' ');
      return { alternateScreen: alt === '1', cursorVisible: cursor === '1' };
    },
    kill: () => {
      try {
        tmux('kill-session', '-t', name);
      } catch {
        // already gone
      }
    },
  };
  return session;
}

function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}
