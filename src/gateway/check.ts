/** `hubmon gateway --check`: its global configuration, and one health data request to each server. */
import { readGlobalConf } from './globalconf.js';
import { parseHealthData } from './health-metrics.js';
import { mapRegistry } from './registry-map.js';
import { postSoap } from './soap-client.js';
import { healthDataRequest, type XRoadClient } from './soap-request.js';

export async function checkGateway(o: {
  globalconf: string;
  client: XRoadClient;
  securityServerUrl: string;
  timeoutMs: number;
}) {
  const { file, conf } = readGlobalConf(o.globalconf, o.client.instance);
  const mapped = mapRegistry(conf);
  const servers = await Promise.all(
    mapped.servers.map(async (target) => {
      try {
        const answer = await postSoap(o.securityServerUrl, healthDataRequest(o.client, target), o.timeoutMs);
        parseHealthData(answer.body.toString('utf8'));
        return { id: target.id, ok: true as const, latencyMs: Math.round(answer.latencyMs) };
      } catch (err) {
        return { id: target.id, ok: false as const, error: err instanceof Error ? err.message : String(err) };
      }
    }),
  );
  return { file, agencies: mapped.agencies.length, skipped: mapped.skipped.length, servers };
}
