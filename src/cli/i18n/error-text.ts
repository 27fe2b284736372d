/** The operator's one line for anything a command stops on, worded from the error's fields in the chosen language. */
import { SettingsError } from '../../config/load.js';
import { TokenError } from '../../ingest/token.js';
import { PeriodError } from '../../report/period.js';
import { CommandError, UsageError } from '../command.js';
import type { CliTranslate } from './text.js';

/** Whether the error is one the operator caused and can fix from the command line. */
export const isUsageMistake = (err: unknown): boolean =>
  err instanceof UsageError || err instanceof PeriodError || err instanceof SettingsError || err instanceof TokenError;

export function errorText(err: unknown, t: CliTranslate): string {
  if (err instanceof UsageError || err instanceof CommandError) return t(err.key, err.params);
  if (err instanceof SettingsError) {
    if (err.field === 'lang') return t('flag.lang', { value: err.value });
    if (err.field === 'url') return t('flag.url', { value: err.value });
    return t('settings.file', { detail: err.message });
  }
  if (err instanceof PeriodError) {
    if (err.problem === 'order') return t('period.order', { from: err.value, to: err.other });
    return t(err.problem === 'notDate' ? 'period.notDate' : 'period.format', { flag: err.flag, value: err.value });
  }
  if (err instanceof TokenError) {
    const params = { path: err.path, code: err.detail, mode: err.detail };
    return t(`token.${err.problem}`, params);
  }
  return err instanceof Error ? err.message : String(err);
}
