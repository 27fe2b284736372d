/** Writes 200-event batches into the cache at argv[2] forever, printing each committed seq, until killed. */
import { openCache } from '../../../dist/store/index.js';

const path = process.argv[2];
const cache = openCache({ path });
const ts = (i) => new Date(Date.UTC(2026, 10, 22) + i * 1000).toISOString();
const hello = {
  v: 1,
  seq: 0,
  ts: ts(0),
  type: 'hello',
  data: {
    hubId: 'crash',
    hubName: 'crash',
    hubVersion: '1',
    epoch: 'e1',
    serverTime: ts(0),
    newestSeq: 0,
    oldestSeq: 0,
    heartbeatMs: 5000,
  },
};
let seq = cache.cursor().lastSeq;
cache.applyBatch([hello]);
for (;;) {
  const batch = [];
  for (let i = 0; i < 200; i++) {
    seq++;
    batch.push({
      v: 1,
      seq,
      ts: ts(seq),
      type: 'document.sent',
      data: {
        docId: '000.00.00.G22,2026/11/22,' + seq + '/VB',
        sender: '000.00.00.G22',
        recipients: ['000.00.00.H41', '000.00.00.H14'],
        attachments: 1,
        sizeBytes: 100,
      },
    });
  }
  cache.applyBatch(batch);
  process.stdout.write(seq + '\n');
}
