import { z } from 'zod';

/** Interface language; `vi` is the operators' own. */
const LANGS = ['vi', 'en'] as const;
const langSchema = z.enum(LANGS);
export type Lang = z.infer<typeof langSchema>;
export const isLang = (value: string | undefined): value is Lang =>
  value !== undefined && (LANGS as readonly string[]).includes(value);

/** Console settings as `config.json` may hold them, every field optional; flags and environment override them. */
export const settingsFileSchema = z
  .object({
    /** Hub telemetry URL, `ws://` or `wss://`. None: the built-in simulated hub (DEMO). */
    url: z
      .string()
      .regex(/^wss?:\/\//, 'a ws:// or wss:// URL')
      .optional(),
    /** Cache file; default one per hub under the XDG cache folder. */
    cache: z.string().min(1).optional(),
    lang: langSchema.optional(),
    /** Fold diacritics and line-drawing characters for terminals without Unicode. */
    ascii: z.boolean().optional(),
    /** File holding the bearer token; it must not be readable by others. */
    tokenFile: z.string().min(1).optional(),
    /** Extra CA certificate(s) for `wss://`, PEM. */
    ca: z.string().min(1).optional(),
    /** No message for this long: the link is stale. */
    staleAfterSeconds: z.number().positive().max(3600).optional(),
    /** How far ahead of its receipt an event may be before it is marked `clock_ahead` (docs/FIGURES.md); 300. */
    clockToleranceSeconds: z.number().positive().max(86_400).optional(),
    /** Simulated hub (DEMO) seed. */
    demoSeed: z.number().int().optional(),
  })
  .strict();
export type SettingsFile = z.infer<typeof settingsFileSchema>;

type OrNull<T> = { readonly [K in keyof T]-?: Exclude<T[K], undefined> | null };

/** The settings the console runs with, after precedence is applied: a file's optional field is null when unset. */
export type Settings = OrNull<Omit<SettingsFile, 'lang' | 'ascii' | 'demoSeed'>> & {
  readonly lang: Lang;
  readonly ascii: boolean;
  readonly demoSeed: number;
  /** The settings file read, or that would have been. */
  readonly configFile: string | null;
};
