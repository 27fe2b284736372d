/** Takes the cache's writer lock at argv[2] and dies with SIGKILL without releasing it. */
import Database from 'better-sqlite3';
import os from 'node:os';

const db = new Database(process.argv[2]);
db.prepare(
  "INSERT OR REPLACE INTO writer_lock (id, pid, host, started_at, heartbeat_at, token) VALUES (1, ?, ?, ?, ?, 'dead')",
).run(process.pid, os.hostname(), Date.now(), Date.now());
db.close();
process.kill(process.pid, 'SIGKILL');
