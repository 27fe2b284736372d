import type { Settings } from '../config/index.js';
import type { Session } from './session.js';
import { showConsole } from './show-console.js';

/**
 * Draws the console until the operator quits or a signal arrives, then closes the session
 * (pending events written, cache closed) and gives the terminal back.
 */
export function runConsole(session: Session, settings: Settings): Promise<number> {
  const { lang, ascii } = settings;
  return showConsole({ ...session.sources, loader: session.screens, lang, ascii }, () => session.close());
}
