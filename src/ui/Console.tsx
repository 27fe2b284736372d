/** The console's frame: header, banner, the route on screen, status line and key hints. */
import { Box } from 'ink';
import { useCallback, useMemo } from 'react';
import { Banner, bannerShown } from './components/Banner.js';
import { Footer } from './components/Footer.js';
import { Header } from './components/Header.js';
import { StatusLine } from './components/StatusLine.js';
import { useColumns } from './components/Table.js';
import { useUi } from './context.js';
import type { AlertView, ConsoleSources } from './data/sources.js';
import { useKeyDispatch, keyContext } from './hooks/use-key-dispatch.js';
import { useListView } from './hooks/use-list-view.js';
import { useRefresh } from './hooks/use-refresh.js';
import { useTerminalSize } from './hooks/use-terminal-size.js';
import type { Ticker } from './hooks/ticker.js';
import { AgencySummary, DETAIL_CHROME } from './screens/AgencySummary.js';
import { ListPane } from './screens/ListPane.js';
import { FiringAlerts, TotalsLines } from './screens/Overview.js';
import { OVERVIEW_FIXED_LINES, overviewLayout } from './view/overview-layout.js';
import { ALERT_TEXT_LINES, AlertText } from './screens/AlertText.js';
import { TitleLine } from './screens/TitleLine.js';
import { useConsole } from './state/context.js';
import { listKey, type ScreenId } from './state/routes.js';
import { currentRoute } from './state/state.js';
import { judgeLink, judgeQuiet } from './status/link.js';
import { sanitize } from './text/sanitize.js';
import { fit, widthOf } from './text/fit.js';
import { Line } from './components/Line.js';
import { isMarked } from './view/row-diff.js';
import type { RenderContext } from './view/list-spec.js';
import { helpSpec } from './view/help-model.js';
import { perConcernFor } from './view/screen-data.js';

const SCREEN_TITLE = {
  overview: 'screen.overview',
  agencies: 'screen.agencies',
  servers: 'screen.servers',
  signatures: 'screen.signatures',
  deadlines: 'screen.deadlines',
  alerts: 'screen.alerts',
} as const;

/** Header (2), status line, footer, and one spare row so Ink never redraws the whole terminal. */
const FRAME_LINES = 5;
/** Incident rows the Overview's ranking is sized around: every acute one a night usually has. */
const FIRING_LINES_USUAL = 8;

export function Console({ sources, ticker }: { sources: ConsoleSources; ticker: Ticker }) {
  const { t, lang, theme } = useUi();
  const { state, dispatch } = useConsole();
  const { columns: width, rows } = useTerminalSize();
  const route = currentRoute(state);
  // The Overview lists more of the worst agencies when the terminal is taller.
  const perConcern = perConcernFor(rows - FRAME_LINES - OVERVIEW_FIXED_LINES - FIRING_LINES_USUAL - 1);
  const { snapshot, refresh } = useRefresh(sources, ticker, route, state.window, state.paused, perConcern);
  const { data, now, dataAt, ingest, stream } = snapshot;
  const link = judgeLink(ingest);
  const body = Math.max(4, rows - FRAME_LINES - (bannerShown(link, ingest, now) ? 1 : 0));

  const layout = overviewLayout(body, data.kind === 'overview' ? data.firing.length : 0);
  const tableHeight = Math.max(
    1,
    data.kind === 'overview'
      ? layout.tableRows
      : data.kind === 'detail'
        ? body - DETAIL_CHROME - 1
        : route.kind === 'screen' && route.screen === 'alerts'
          ? body - 2 - ALERT_TEXT_LINES
          : body - 2,
  );
  const list = 'list' in data ? data.list : null;
  const key = listKey(route);
  const view = useListView(list, key, state, tableHeight);
  const columns = useColumns(view?.spec ?? helpSpec, width);
  // Rows are drawn at the time their data was read, so a header-only tick redraws no row.
  const ctx: RenderContext = useMemo(() => ({ lang, t, now: dataAt }), [lang, t, dataAt]);
  useKeyDispatch({ state, dispatch, view, columns, sources, now, refresh });

  const diff = snapshot.diff;
  const marked = useCallback((k: string): boolean => isMarked(diff, k, dataAt), [diff, dataAt]);
  const baseScreen: ScreenId = state.stack[0]?.kind === 'screen' ? state.stack[0].screen : 'overview';
  const deadlinesReported = !stream.notReported.includes('deadlines');
  const notReportedLine = (
    <Line segments={[{ text: fit(` ${t('notReported.deadlines')}`, width) }]} style={theme.text.muted} />
  );
  const pane = view ? <ListPane view={view} columns={columns} ctx={ctx} marked={marked} width={width} /> : null;

  let content;
  switch (data.kind) {
    case 'overview':
      content = (
        <>
          <TotalsLines totals={data.totals} window={state.window} width={width} deadlinesReported={deadlinesReported} />
          <TitleLine title={t('overview.worst')} view={view} editing={state.editingFilter} width={width} />
          {pane}
          <FiringAlerts
            alerts={data.firing}
            lines={layout.incidentRows}
            now={dataAt}
            width={width}
            quiet={judgeQuiet(link, stream.newestEventTs)}
          />
        </>
      );
      break;
    case 'detail':
      content = (
        <>
          <AgencySummary
            detail={data.detail}
            now={dataAt}
            width={width}
            statusesReported={!stream.notReported.includes('statuses')}
          />
          {state.editingFilter ? <TitleLine title="" view={view} editing width={width} /> : null}
          {pane}
        </>
      );
      break;
    case 'folded':
      content = (
        <>
          <TitleLine
            title={t('screen.folded', { text: data.alert.summary })}
            view={view}
            editing={state.editingFilter}
            width={width}
          />
          {pane}
        </>
      );
      break;
    case 'affected':
      content = (
        <>
          <TitleLine
            title={t(data.of === 'incident' ? 'screen.affected' : 'screen.behind', { text: data.name })}
            view={view}
            editing={state.editingFilter}
            width={width}
          />
          {pane}
        </>
      );
      break;
    case 'missing':
      content = <Line segments={[{ text: fit(`${sanitize(data.agencyId)}: ${t('flash.gone')}`, width) }]} />;
      break;
    case 'describe':
      content = (
        <>
          <TitleLine title={data.title} view={view} editing={state.editingFilter} width={width} />
          {pane}
        </>
      );
      break;
    case 'help':
      content = (
        <>
          <TitleLine title={t('screen.help')} view={view} editing={state.editingFilter} width={width} />
          {pane}
        </>
      );
      break;
    default: {
      const extra =
        route.kind === 'screen' && route.screen === 'agencies'
          ? `${t(state.agencyLevel === 0 ? 'level.all' : `level.${state.agencyLevel}`)} · ${t(`problem.${state.agencyProblem}`)} · ${t('agencies.withUnits')}`
          : undefined;
      content = (
        <>
          <TitleLine
            title={t(SCREEN_TITLE[baseScreen])}
            extra={extra}
            view={view}
            editing={state.editingFilter}
            width={width}
          />
          {baseScreen === 'deadlines' && !deadlinesReported ? notReportedLine : pane}
          {route.kind === 'screen' && route.screen === 'alerts' && view ? (
            <AlertText alert={view.rows[view.viewport.cursor] as AlertView | undefined} width={width} />
          ) : null}
        </>
      );
    }
  }

  return (
    <Box flexDirection="column" width={width}>
      <Header
        width={width}
        info={{
          hubName: stream.hubName === null ? null : sanitize(stream.hubName),
          demo: ingest.demo,
          link,
          lagEvents: ingest.lagEvents,
          newestEventTs: stream.newestEventTs,
          eventsPerSec: ingest.eventsPerSec,
          alertsCritical: snapshot.alertsCritical,
          alertsWarning: snapshot.alertsWarning,
          paused: state.paused,
          window: state.window,
          screen: baseScreen,
          now,
          replay: sources.replay?.status() ?? null,
        }}
      />
      <Banner link={link} ingest={ingest} newestEventTs={stream.newestEventTs} now={now} width={width} />
      <Box flexDirection="column" height={body}>
        {content}
      </Box>
      {state.timeEntry !== null ? (
        <Line
          segments={[
            { text: t('replay.gotoPrompt') },
            { text: fit(`${state.timeEntry}▏`, Math.max(1, width - widthOf(t('replay.gotoPrompt')))) },
          ]}
        />
      ) : (
        <StatusLine
          flash={
            snapshot.loadError
              ? { key: 'flash.error', params: { text: sanitize(snapshot.loadError) }, kind: 'error', at: now }
              : state.flash
          }
          ingest={ingest}
          rejections={stream.rejections}
          derivedBehind={stream.derivedBehind}
          now={now}
          width={width}
        />
      )}
      <Footer
        context={keyContext(route, state.editingFilter || state.timeEntry !== null)}
        replay={sources.replay !== undefined}
        width={width}
      />
    </Box>
  );
}
