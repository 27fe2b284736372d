import { RESUME_PARAM, TELEMETRY_PATH } from '../protocol/index.js';

/** A hub address the operator gave that cannot be used; the message says why. */
class HubUrlError extends Error {
  override readonly name = 'HubUrlError';
}

/** Checks a hub address: `ws://` or `wss://`, no credentials (`ps` shows them); a bare host means the telemetry path. */
export function parseHubUrl(address: string): URL {
  if (!URL.canParse(address))
    throw new HubUrlError(`not a URL: ${JSON.stringify(address)} (expected ws://HOST:PORT or wss://HOST:PORT)`);
  const url = new URL(address);
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:')
    throw new HubUrlError(`hub URL must start with ws:// or wss://, got ${url.protocol}//`);
  if (url.username !== '' || url.password !== '')
    throw new HubUrlError('hub URL must not carry credentials; use HUBMON_TOKEN or --token-file');
  if (url.pathname === '' || url.pathname === '/') url.pathname = TELEMETRY_PATH;
  url.hash = '';
  url.searchParams.delete(RESUME_PARAM);
  return url;
}

/** The subscription URL: resume after `since`, the last seq this cache holds. */
export function subscribeUrl(hub: URL, since: number): string {
  const url = new URL(hub);
  url.searchParams.set(RESUME_PARAM, String(since));
  return url.toString();
}

/** The address as shown to an operator: no query string. */
export const displayHubUrl = (hub: URL): string => `${hub.protocol}//${hub.host}${hub.pathname}`;
