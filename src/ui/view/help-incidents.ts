/**
 * Help's lines on what the incidents put on screen: the severity and state words, `+N folded`,
 * the Incid codes of the Agencies screen, and where Enter goes from an incident or a server.
 * The marks are message keys, so each language shows its own words (CRIT, KHẨN).
 */
import type { MessageKey } from '../i18n/translate.js';

export interface IncidentHelp {
  /** What the line explains, as drawn: a message key, or text the same in every language. */
  readonly mark: { readonly key: MessageKey } | { readonly text: string };
  readonly text: MessageKey;
}

export const INCIDENT_HELP: readonly IncidentHelp[] = [
  { mark: { key: 'severity.critical' }, text: 'help.incident.critical' },
  { mark: { key: 'severity.warning' }, text: 'help.incident.warning' },
  { mark: { key: 'alertState.firing' }, text: 'help.incident.firing' },
  { mark: { key: 'alertState.pending' }, text: 'help.incident.pending' },
  { mark: { key: 'alertState.acknowledged' }, text: 'help.incident.acked' },
  { mark: { text: '+N' }, text: 'help.incident.folded' },
  { mark: { key: 'incident.down' }, text: 'help.incident.down' },
  { mark: { key: 'incident.flapping' }, text: 'help.incident.flapping' },
  { mark: { key: 'incident.signature' }, text: 'help.incident.signature' },
  { mark: { key: 'incident.silence' }, text: 'help.incident.silence' },
  { mark: { key: 'incident.duplicates' }, text: 'help.incident.duplicates' },
  { mark: { key: 'incident.delivery' }, text: 'help.incident.delivery' },
  { mark: { key: 'incident.quiet' }, text: 'help.incident.quiet' },
  { mark: { text: 'Enter' }, text: 'help.incident.enter' },
];
