/**
 * Every message the console, the commands, `hubmon status` and the report print, listed key by key: a key
 * either language lacks fails here (at runtime) and in `tsc -p test` (at type level), as does a
 * placeholder one language fills and the other forgets, or English left in the Vietnamese.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { cliMessages } from '../../src/cli/i18n/messages.js';
import type { CliKey } from '../../src/cli/command.js';
import { REPORT_LABELS } from '../../src/report/labels.js';
import { statusMessages } from '../../src/status/messages.js';
import type { StatusKey } from '../../src/status/messages.js';
import { MESSAGES, type MessageKey } from '../../src/ui/i18n/translate.js';

/** One language's column of a side-by-side catalogue. */
const column = <K extends string>(messages: Readonly<Record<K, readonly [string, string]>>, i: 0 | 1) =>
  Object.fromEntries(Object.entries<readonly [string, string]>(messages).map(([k, v]) => [k, v[i]])) as Record<
    K,
    string
  >;
const [cliEn, cliVi] = [column(cliMessages, 0), column(cliMessages, 1)];
const [statusEn, statusVi] = [column(statusMessages, 0), column(statusMessages, 1)];
const [en, vi] = [column(MESSAGES, 0), column(MESSAGES, 1)];

interface Table {
  readonly en: Readonly<Record<string, string>>;
  readonly vi: Readonly<Record<string, string>>;
  /** Keys whose text is the same in both languages: names, symbols, formats. */
  readonly same: readonly string[];
}

const TABLES: Readonly<Record<string, Table>> = {
  console: {
    en,
    vi,
    same: ['app.title', 'app.demo', 'col.mark', 'flash.notice', 'conn.lgsp', 'server.unknown', 'value.server'],
  },
  commands: { en: cliEn, vi: cliVi, same: [] },
  status: { en: statusEn, vi: statusVi, same: [] },
  report: { en: column(REPORT_LABELS, 0), vi: column(REPORT_LABELS, 1), same: [] },
};

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

/** Words that only English sentences have; none belongs in a Vietnamese line. */
const ENGLISH = /\b(the|and|of|with|from|not|is|are|expected|got|give|cannot|agencies|events|servers?)\b/i;

describe('type level: both languages have every key', () => {
  it('as the tables are typed', () => {
    expectTypeOf<keyof typeof vi>().toEqualTypeOf<MessageKey>();
    expectTypeOf<keyof typeof cliVi>().toEqualTypeOf<CliKey>();
    expectTypeOf<keyof typeof statusVi>().toEqualTypeOf<StatusKey>();
  });
});

describe.each(Object.entries(TABLES))('the %s messages', (_name, table) => {
  const keys = [...new Set([...Object.keys(table.en), ...Object.keys(table.vi)])].sort();

  it.each(keys)('%s exists in English and Vietnamese, with the same placeholders', (key) => {
    const english = table.en[key];
    const vietnamese = table.vi[key];
    expect(english, `English lacks ${key}`).toBeTypeOf('string');
    expect(vietnamese, `Vietnamese lacks ${key}`).toBeTypeOf('string');
    expect(english!.trim()).not.toBe('');
    expect(vietnamese!.trim()).not.toBe('');
    expect(placeholders(vietnamese!)).toEqual(placeholders(english!));
  });

  it('Vietnamese differs from English except for names and symbols, and holds no English sentence', () => {
    const same = keys.filter((k) => table.en[k] === table.vi[k]);
    expect(same).toEqual([...table.same].sort());
    const english = keys.filter((k) => ENGLISH.test(table.vi[k]!.replace(/\{\w+\}|--[\w-]+|"[^"]*"|https?:\S+/g, '')));
    expect(english.map((k) => `${k}: ${table.vi[k]}`)).toEqual([]);
  });
});
