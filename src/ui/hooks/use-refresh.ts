/**
 * When the console asks its screen loader for figures: every tick (2 s), and at once on a new route, window or rows per
 * concern, a change of link state or an explicit refresh (an acknowledgement); never per event, never on a key press
 * (keys act on the last snapshot); paused, not at all. What is read, and how often, is the loader's business.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { ConsoleSources } from '../data/sources.js';
import { requestKey, type ScreenLoader, type ScreenRequest, type Snapshot } from '../data/screen-loader.js';
import { READING } from '../screens/screen-def.js';
import type { TickKind, Ticker } from './ticker.js';

export function useRefresh(
  sources: ConsoleSources,
  loader: ScreenLoader,
  ticker: Ticker,
  request: ScreenRequest,
  paused: boolean,
): { snapshot: Snapshot; refresh: () => void } {
  const wanted = useRef(request);
  wanted.current = request;
  const pausedAt = useRef<number | null>(null);
  const now = (): number => pausedAt.current ?? sources.now();
  const [snapshot, setSnapshot] = useState(() => loader.first(request, now()));
  const last = useRef(snapshot);
  last.current = snapshot;
  const read = (kind: TickKind): void => setSnapshot(loader.tick(kind, wanted.current, now()));
  const refresh = (): void => {
    loader.invalidate();
    read('full');
  };
  useEffect(() => {
    pausedAt.current = paused ? last.current.now : null;
  }, [paused]);
  useEffect(() => ticker.subscribe((kind) => pausedAt.current === null && read(kind)), [ticker, loader]);
  // The first frame is drawn without the list; it is read as soon as that frame is out.
  useEffect(() => {
    if (snapshot.data !== READING) return;
    const soon = setImmediate(() => read('full'));
    return () => clearImmediate(soon);
  }, [snapshot.data]);
  // A change of link state shows at once; everything else waits for the tick.
  useEffect(() => {
    let state = sources.ingest.get().state;
    return sources.ingest.subscribe(() => {
      if (sources.ingest.get().state === state) return;
      state = sources.ingest.get().state;
      refresh();
    });
  }, [sources, loader]);
  // Another screen, window or size: read before the frame settles.
  const key = requestKey(request);
  const shown = useRef(key);
  useLayoutEffect(() => {
    if (shown.current === key) return;
    shown.current = key;
    read('full');
  }, [key]);
  return { snapshot, refresh };
}
