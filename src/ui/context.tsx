/** Language, theme and ASCII mode, chosen once at start and read by every component. */
import { createContext, useContext, type ReactNode } from 'react';
import { translator, type Translate } from './i18n/translate.js';
import type { Lang } from '../config/settings.js';
import { type Theme, colourTheme } from './theme/theme.js';
import { foldAscii } from './text/ascii.js';

export interface UiSettings {
  readonly lang: Lang;
  readonly t: Translate;
  readonly theme: Theme;
  readonly ascii: boolean;
  /** What every string passes through on its way to the screen: identity, or the ASCII fold. */
  readonly show: (text: string) => string;
}

export function uiSettings(lang: Lang, theme: Theme, ascii: boolean): UiSettings {
  return { lang, t: translator(lang), theme, ascii, show: ascii ? foldAscii : (s) => s };
}

const UiContext = createContext<UiSettings>(uiSettings('en', colourTheme, false));

export function UiProvider({ settings, children }: { settings: UiSettings; children: ReactNode }) {
  return <UiContext.Provider value={settings}>{children}</UiContext.Provider>;
}

export const useUi = (): UiSettings => useContext(UiContext);
