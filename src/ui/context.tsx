/** What every component reads: the language, theme and ASCII mode chosen at start, and the state owner. */
import { createContext, useContext, useReducer, type Dispatch, type ReactNode } from 'react';
import { reduce, type ConsoleAction, type ConsoleState } from './state/state.js';
import { translator } from './i18n/translate.js';
import type { Lang } from '../config/settings.js';
import { type Theme, colourTheme } from './theme/theme.js';
import { foldAscii } from './text/ascii.js';

/** `show`: what every string passes through on its way to the screen, identity or the ASCII fold. */
export const uiSettings = (lang: Lang, theme: Theme, ascii: boolean) =>
  ({ lang, t: translator(lang), theme, show: ascii ? foldAscii : (s: string) => s }) as const;
type UiSettings = ReturnType<typeof uiSettings>;

const UiContext = createContext<UiSettings>(uiSettings('en', colourTheme, false));

export const UiProvider = UiContext.Provider;

export const useUi = (): UiSettings => useContext(UiContext);

/** The console's state and its dispatcher, through one hook. */
type ConsoleStore = { readonly state: ConsoleState; readonly dispatch: Dispatch<ConsoleAction> };

// Always provided: the console mounts its provider above every component that reads it.
const ConsoleContext = createContext<ConsoleStore>(null as never);

export function ConsoleProvider({ initial, children }: { initial: ConsoleState; children: ReactNode }) {
  const [state, dispatch] = useReducer(reduce, initial);
  return <ConsoleContext.Provider value={{ state, dispatch }}>{children}</ConsoleContext.Provider>;
}

export const useConsole = (): ConsoleStore => useContext(ConsoleContext);
