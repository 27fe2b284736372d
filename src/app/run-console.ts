import type { Settings } from '../config/index.js';
import type { Session } from './session.js';
import { showConsole } from './show-console.js';

/** Draws the console until quit or a signal, then closes the session (events written, cache closed): `showConsole`. */
export function runConsole(session: Session, settings: Settings): Promise<number> {
  const { lang, ascii } = settings;
  return showConsole({ ...session.sources, loader: session.screens, lang, ascii }, () => session.close());
}
