/** The selected alert in full under the Alerts list (which cuts it at 80 columns), and who acknowledged it when. */
import { Box } from 'ink';
import type { AlertView } from '../data/sources.js';
import { useUi } from '../context.js';
import { TextLine } from '../components/Line.js';
import { wrap } from '../text/fit.js';
import { formatDateTime } from '../text/format-time.js';
import { alertText } from '../view/alerts-spec.js';

/** Lines the full text takes under the list. */
export const ALERT_TEXT_LINES = 2;

export function AlertText({ alert, width }: { alert: AlertView | undefined; width: number }) {
  const { t, theme } = useUi();
  const at = alert?.acknowledgedAt == null ? '' : formatDateTime(alert.acknowledgedAt);
  const acked = alert?.acknowledgedBy == null ? null : t('alert.ackedBy', { who: alert.acknowledgedBy, at });
  const text = alert ? (acked === null ? alertText(alert) : `${alertText(alert)} · ${acked}`) : '';
  const lines = wrap(text, width - 1, ALERT_TEXT_LINES);
  return (
    <Box flexDirection="column">
      {Array.from({ length: ALERT_TEXT_LINES }, (_, i) => (
        <TextLine key={i} text={lines[i] ? ` ${lines[i]}` : ''} style={theme.text.muted} width={width} />
      ))}
    </Box>
  );
}
