/** The console as a component: its data come in as props, so the live command, a replay and the tests drive it. */
import type { ScreenId } from './state/routes.js';
import type { WindowKey } from '../metrics/types.js';
import { Console } from './Console.js';
import { ConsoleProvider, UiProvider, uiSettings } from './context.js';
import type { ConsoleSources } from './data/sources.js';
import { ScreenLoader } from './data/screen-loader.js';
import { ErrorBoundary } from './ErrorBoundary.js';
import { intervalTicker, type Ticker } from './hooks/ticker.js';
import type { Lang } from '../config/settings.js';
import { initialState } from './state/state.js';
import { type Theme, colourTheme } from './theme/theme.js';
import { useMemo } from 'react';
import { useApp } from 'ink';
import { installFrameMemo } from './ink/frame-memo.js';

// Before the first frame: Ink then reuses the rows a frame did not change (on the Ink releases the memo knows).
await installFrameMemo();

export interface AppProps extends ConsoleSources {
  readonly lang?: Lang;
  readonly theme?: Theme;
  readonly ascii?: boolean;
  /** Paces refreshes; a timer of one tick every 2 s by default. */
  readonly ticker?: Ticker;
  readonly screen?: ScreenId;
  readonly window?: WindowKey;
  /** What reads the screens, owned by the console's session; one of its own by default. */
  readonly loader?: ScreenLoader;
}

export function App(props: AppProps) {
  const { lang = 'en', theme = colourTheme, ascii = false } = props;
  const settings = useMemo(() => uiSettings(lang, theme, ascii), [lang, theme, ascii]);
  const ticker = useMemo(() => props.ticker ?? intervalTicker(), [props.ticker]);
  const { metrics, ingest, alerts, now, replay } = props;
  const sources = useMemo(() => ({ metrics, ingest, alerts, now, replay }), [metrics, ingest, alerts, now, replay]);
  const { exit } = useApp();
  const loader = useMemo(() => props.loader ?? new ScreenLoader(sources), [props.loader, sources]);
  return (
    <UiProvider value={settings}>
      <ErrorBoundary title={settings.t('error.title')} onError={(e) => setImmediate(() => exit(e))}>
        <ConsoleProvider initial={initialState(props.screen, props.window)}>
          <Console sources={sources} loader={loader} ticker={ticker} />
        </ConsoleProvider>
      </ErrorBoundary>
    </UiProvider>
  );
}
