/** Where the operator is, and the key under which each place keeps its cursor, sort and filter. */

/** The main screens, in the order of their tabs and number keys; each has an entry in `screens/registry.tsx`. */
export const SCREENS = ['overview', 'agencies', 'servers', 'signatures', 'deadlines', 'alerts'] as const;
export type ScreenId = (typeof SCREENS)[number];

/** The parts of an agency's detail the lower pane switches between. */
export const DETAIL_SECTIONS = ['children', 'overdue', 'events', 'server'] as const;
export type DetailSection = (typeof DETAIL_SECTIONS)[number];

/** Where the operator is: one of the six screens, an agency's detail, an incident's or server's agencies, or Help. */
export type Route =
  | { readonly kind: 'screen'; readonly screen: ScreenId }
  | { readonly kind: 'detail'; readonly agencyId: string; readonly section: DetailSection }
  /** Agencies with the Agencies columns: those an incident affects, or those behind a server (k9s: node → pods). */
  | { readonly kind: 'affected'; readonly of: 'incident' | 'server'; readonly id: string }
  | { readonly kind: 'help' }
  /** Everything known about one row (`d`), read when it was opened. */
  | { readonly kind: 'describe'; readonly title: string; readonly fields: readonly DescribeField[] };

export type RouteOf<K extends Route['kind']> = Extract<Route, { kind: K }>;

/** One line of the describe view: a heading (empty for a continuation) and its whole text. */
export type DescribeField = { readonly label: string; readonly value: string };

/** The key under which a route keeps its cursor, sort and filter. */
export const listKey = (route: Route): string =>
  route.kind === 'screen'
    ? route.screen
    : route.kind === 'detail'
      ? `detail:${route.agencyId}:${route.section}`
      : route.kind === 'describe'
        ? `describe:${route.title}`
        : route.kind === 'affected'
          ? `affected:${route.of}:${route.id}`
          : 'help';
