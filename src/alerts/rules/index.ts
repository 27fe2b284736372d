import type { RulesConfig } from '../config.js';
import type { RuleId } from '../types.js';
import { agencySilent } from './agency-silent.js';
import type { Rule } from './context.js';
import { deliveryFailures } from './delivery-failures.js';
import { overdueReplies } from './overdue-replies.js';
import { certificateExpiring, serverDisconnected, serverFlapping } from './servers.js';
import { statusSilence } from './status-silence.js';
import { duplicateSends } from './duplicate-sends.js';
import { signatureFailures } from './signature-failures.js';

export { type AlertMetrics, type Rule, type RuleContext } from './context.js';

/**
 * Every rule with its section of the thresholds file. `readsDerived`: it reads deliveries or deadlines, which lag
 * after a long catch-up; until they are derived its alerts keep their state rather than judge old rows.
 */
export const RULES: Readonly<
  Record<RuleId, { readonly evaluate: Rule; readonly configKey: keyof RulesConfig; readonly readsDerived?: true }>
> = {
  'server-disconnected': { evaluate: serverDisconnected, configKey: 'serverDisconnected' },
  'server-flapping': { evaluate: serverFlapping, configKey: 'serverFlapping' },
  'signature-failures': { evaluate: signatureFailures, configKey: 'signatureFailures' },
  'status-silence': { evaluate: statusSilence, configKey: 'statusSilence' },
  'duplicate-sends': { evaluate: duplicateSends, configKey: 'duplicateSends' },
  'overdue-replies': { evaluate: overdueReplies, configKey: 'overdueReplies', readsDerived: true },
  'agency-silent': { evaluate: agencySilent, configKey: 'agencySilent' },
  'certificate-expiring': { evaluate: certificateExpiring, configKey: 'certificateExpiring' },
  'delivery-failures': { evaluate: deliveryFailures, configKey: 'deliveryFailures', readsDerived: true },
};
