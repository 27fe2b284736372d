/** A min-heap by time (simulated, epoch ms), ties by insertion order, so the generator's output is the same on every run. */
interface Entry<T> {
  readonly t: number;
  readonly order: number;
  readonly item: T;
}

export class EventQueue<T extends { readonly t: number }> {
  private readonly heap: Entry<T>[] = [];
  private inserted = 0;

  push(item: T): void {
    const heap = this.heap;
    const entry: Entry<T> = { t: item.t, order: this.inserted++, item };
    let i = heap.length;
    heap.push(entry);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent] as Entry<T>;
      if (!before(entry, p)) break;
      heap[i] = p;
      i = parent;
    }
    heap[i] = entry;
  }

  /** Time of the earliest item, or Infinity when empty. */
  peekTime(): number {
    return this.heap[0]?.t ?? Infinity;
  }

  pop(): T | undefined {
    const heap = this.heap;
    const top = heap[0];
    if (!top) return undefined;
    const last = heap.pop() as Entry<T>;
    const n = heap.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        let c = l;
        if (r < n && before(heap[r] as Entry<T>, heap[l] as Entry<T>)) c = r;
        const child = heap[c] as Entry<T>;
        if (!before(child, last)) break;
        heap[i] = child;
        i = c;
      }
      heap[i] = last;
    }
    return top.item;
  }
}

function before<T>(a: Entry<T>, b: Entry<T>): boolean {
  return a.t < b.t || (a.t === b.t && a.order < b.order);
}
