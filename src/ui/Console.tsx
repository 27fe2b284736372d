/** The console's frame: header, banner, the route on screen, status line and key hints. */
import { Box } from 'ink';
import { memo, useCallback, useMemo } from 'react';
import { Banner, bannerShown } from './components/Banner.js';
import { Footer } from './components/Footer.js';
import { Header } from './components/Header.js';
import { StatusLine } from './components/StatusLine.js';
import { Table, useColumns, type TableProps } from './components/Table.js';
import type { ConsoleSources } from './data/sources.js';
import type { ScreenLoader } from './data/screen-loader.js';
import { screenOf } from './screens/registry.js';
import type { BodyProps, Loaded, ScreenDef } from './screens/screen-def.js';
import { listKey, type Route } from './state/routes.js';
import { OVERVIEW_FIXED_LINES } from './view/overview-layout.js';
import { perConcernFor } from './view/agency-loads.js';
import { useConsole, useUi } from './context.js';
import { useKeyDispatch, keyContext } from './hooks/use-key-dispatch.js';
import { useListView } from './hooks/use-list-view.js';
import { useRefresh } from './hooks/use-refresh.js';
import { useTerminalSize } from './hooks/use-terminal-size.js';
import type { Ticker } from './hooks/ticker.js';
import { Prompt, TitleLine } from './screens/TitleLine.js';
import { currentRoute } from './state/state.js';
import { judgeLink, judgeQuiet } from './status/link.js';
import { sanitize } from './text/sanitize.js';
import { TextLine } from './components/Line.js';
import { isMarked } from './view/row-diff.js';
import type { ListSpec, RenderContext } from './view/list-spec.js';
import { agenciesSpec } from './view/agencies-spec.js';
import { describeSpec } from './view/describe-model.js';
import { helpSpec } from './view/help-model.js';

/** Header (2), status line, footer, and one spare row so Ink never redraws the whole terminal. */
const FRAME_LINES = 5;
/** Incident rows the Overview's ranking is sized around: every acute one a night usually has. */
const FIRING_LINES_USUAL = 8;

export function Console(props: { sources: ConsoleSources; loader: ScreenLoader; ticker: Ticker }) {
  const { sources, loader, ticker } = props;
  const { t, lang } = useUi();
  const { state, dispatch } = useConsole();
  const { columns: width, rows } = useTerminalSize();
  const route = currentRoute(state);
  const typing = state.editingFilter || state.timeEntry !== null;
  // The Overview lists more of the worst agencies when the terminal is taller.
  const perConcern = perConcernFor(rows - FRAME_LINES - OVERVIEW_FIXED_LINES - FIRING_LINES_USUAL - 1);
  // Lists of agencies read their sparklines only when their trend column fits.
  const trend = useColumns(agenciesSpec as ListSpec<unknown>, width).some((c) => c.spec.id === 'trend');
  // The describe view and Help show their text whole: wrapped to its column.
  const [wrapSpec, wrapColumn] = route.kind === 'help' ? [helpSpec, 'text'] : [describeSpec, 'value'];
  const textWidth = useColumns(wrapSpec as ListSpec<unknown>, width).find((c) => c.spec.id === wrapColumn)?.width;
  const request = useMemo(
    () => ({ route, window: state.window, perConcern, trend, textWidth, lang }),
    [route, state.window, perConcern, trend, textWidth, lang],
  );
  const { snapshot, refresh } = useRefresh(sources, loader, ticker, request, state.paused);
  const { data, head, now, listAt, ingest, stream } = snapshot;
  const link = judgeLink(ingest);
  const body = Math.max(4, rows - FRAME_LINES - (bannerShown(link, ingest, now) ? 1 : 0));
  // The screen as read: until the loader has read a new route, the one before stays drawn.
  const screen = screenOf(snapshot.route);
  const gone = 'gone' in data ? data.gone : null;
  const tableHeight = Math.max(1, 'gone' in data ? 1 : screen.tableRows(body, head, data));
  const view = useListView('gone' in data ? null : data.list, listKey(snapshot.route), state, tableHeight);
  const columns = useColumns(view?.spec ?? helpSpec, width);
  // Rows are drawn at the time their data was read, so a header-only tick redraws no row.
  const ctx: RenderContext = useMemo(() => ({ lang, t, now: listAt }), [lang, t, listAt]);
  // A failed read keeps the screen before it; keys then act on what is drawn rather than wait.
  const settled = listKey(snapshot.route) === listKey(route) || snapshot.loadError !== null;
  useKeyDispatch({ state, dispatch, view, columns, sources, refresh, settled });
  const diff = snapshot.diff;
  const marked = useCallback((k: string): boolean => isMarked(diff, k, listAt), [diff, listAt]);
  const notReportedKey = stream.notReported.join();
  const notReported = useMemo(() => stream.notReported, [notReportedKey]);
  const content =
    gone !== null ? (
      <TextLine text={`${sanitize(gone)}: ${t('flash.gone')}`} width={width} />
    ) : (
      <ScreenBody
        {...{ screen, head, view, columns, ctx, marked, state, width, listAt, notReported }}
        data={data as Loaded}
        rows={body}
        quiet={judgeQuiet(link, stream.newestEventTs)}
      />
    );
  return (
    <Box flexDirection="column" width={width}>
      <Header snapshot={snapshot} state={state} replay={sources.replay?.status() ?? null} width={width} />
      <Banner snapshot={snapshot} width={width} />
      <Box flexDirection="column" height={body}>
        {content}
      </Box>
      {state.timeEntry !== null ? (
        <Prompt prompt={t('replay.gotoPrompt')} text={state.timeEntry} width={width} />
      ) : (
        <StatusLine snapshot={snapshot} flash={state.flash} width={width} />
      )}
      <Footer context={keyContext(route, typing)} replay={sources.replay !== undefined} width={width} />
    </Box>
  );
}

/** The screen's body, drawn again only when what it shows changed, not on a tick that moved only the header. */
const ScreenBody = memo(function ScreenBody(
  props: Omit<BodyProps<unknown, Loaded>, 'pane' | 'title'> &
    Omit<TableProps, 'view'> & { readonly screen: ScreenDef<Route, unknown, Loaded> },
) {
  const { screen, view, columns, ctx, marked, state, width } = props;
  const { theme } = useUi();
  const pane = view ? (
    <Table view={view} columns={columns} ctx={ctx} marked={marked} width={width} />
  ) : props.data.reading ? (
    <TextLine text={` ${ctx.t('list.reading')}`} style={theme.text.muted} width={width} />
  ) : null;
  const title = (text: string, extra?: string) => (
    <TitleLine title={text} extra={extra} view={view} editing={state.editingFilter} width={width} />
  );
  return <screen.Body {...props} pane={pane} title={title} />;
});
