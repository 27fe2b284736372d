import fc from 'fast-check';

/**
 * Runs a property and counts the cases actually executed, so a file can report (and assert)
 * how many hostile inputs it tried rather than how many it asked for.
 */
export class CaseTally {
  private readonly perProperty = new Map<string, number>();

  get total(): number {
    let n = 0;
    for (const v of this.perProperty.values()) n += v;
    return n;
  }

  /** Synchronous property: `predicate` returns false or throws to fail. */
  check<Ts extends [unknown, ...unknown[]]>(
    name: string,
    arbs: { [K in keyof Ts]: fc.Arbitrary<Ts[K]> },
    predicate: (...args: Ts) => boolean | void,
    numRuns: number,
  ): void {
    this.perProperty.set(name, 0);
    const property = fc.property(...arbs, (...args: Ts) => {
      this.perProperty.set(name, (this.perProperty.get(name) ?? 0) + 1);
      return predicate(...args);
    });
    fc.assert(property as fc.IProperty<Ts>, { numRuns });
  }

  /** Asynchronous property, for the ingest path over real sockets. */
  async checkAsync<Ts extends [unknown, ...unknown[]]>(
    name: string,
    arbs: { [K in keyof Ts]: fc.Arbitrary<Ts[K]> },
    predicate: (...args: Ts) => Promise<boolean | void>,
    numRuns: number,
  ): Promise<void> {
    this.perProperty.set(name, 0);
    const property = fc.asyncProperty(...arbs, async (...args: Ts) => {
      this.perProperty.set(name, (this.perProperty.get(name) ?? 0) + 1);
      return predicate(...args);
    });
    await fc.assert(property as fc.IAsyncProperty<Ts>, { numRuns });
  }

  report(file: string): string {
    const lines = [...this.perProperty].map(([name, n]) => `  ${String(n).padStart(6)}  ${name}`);
    return `${file}: ${this.total} property cases\n${lines.join('\n')}`;
  }
}
