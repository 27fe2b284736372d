import type Database from 'better-sqlite3';

/** A class over one connection: its fields prepare their statements from `this.db`, once, as it is built. */
export abstract class Prepared {
  constructor(protected readonly db: Database.Database) {}
}
