/** The security servers' links as simulated: state, latency, heartbeats, an occasional slow spell. */
import type { ServerState } from '../protocol/index.js';
import { mulberry32 } from '../registry/rng.js';
import type { SimGenerator } from './generator.js';
import { DAY, MIN } from './rhythm.js';

export class ServerLinks {
  private readonly state: ServerState[];
  /** Normal round-trip latency of each server, ms. */
  private readonly baseLatency: Float64Array;
  private readonly rng: () => number;

  constructor(
    private readonly gen: SimGenerator,
    heartbeatMs: number,
    seed: number,
  ) {
    const servers = gen.world.securityServers;
    this.rng = mulberry32(seed);
    this.state = servers.map(() => 'connected');
    this.baseLatency = Float64Array.from(servers, () => 12 + this.rng() * 60);
    servers.forEach((server, s) => {
      gen.schedule(gen.historyStart, () =>
        gen.emit('server.state', { serverId: server.id, state: 'connected', latencyMs: this.latency(s) }),
      );
      const beat = (): void => {
        if (this.state[s] !== 'disconnected')
          gen.emit('server.heartbeat', { serverId: server.id, latencyMs: this.latency(s) });
        gen.schedule(gen.now + heartbeatMs, beat);
      };
      gen.schedule(gen.historyStart + 1 + Math.floor(this.rng() * heartbeatMs), beat);
      this.planSlowSpell(s, gen.historyStart);
    });
  }

  /** Changes a server's state (emitting `server.state`) unless it is already in it. */
  set(server: number, state: ServerState, reason?: string): void {
    if (this.state[server] === state) return;
    this.state[server] = state;
    const data: Record<string, unknown> = { serverId: this.gen.world.securityServers[server]!.id, state };
    if (reason) data.reason = reason;
    if (state !== 'disconnected') data.latencyMs = this.latency(server);
    this.gen.emit('server.state', data);
  }

  /** Why a package between two agencies cannot pass right now, or undefined if it can. */
  unreachable(sender: number, recipient: number): string | undefined {
    const { serverOf, securityServers } = this.gen.world;
    const s = serverOf[sender] ?? 0;
    if (this.state[s] === 'disconnected') return `sender's security server ${securityServers[s]?.id} is disconnected`;
    const r = serverOf[recipient] ?? 0;
    if (this.state[r] === 'disconnected')
      return `recipient's security server ${securityServers[r]?.id} is disconnected`;
    return undefined;
  }

  private latency(server: number): number {
    const base = this.baseLatency[server] ?? 30;
    const factor = this.state[server] === 'degraded' ? 15 + this.rng() * 40 : 0.8 + this.rng() * 0.5;
    return Math.round(base * factor);
  }

  /** About every three days a server slows down for a few minutes, then recovers by itself. */
  private planSlowSpell(server: number, after: number): void {
    const at = after + Math.round(-Math.log(1 - this.rng()) * 3 * DAY);
    this.gen.schedule(at, () => {
      if (this.state[server] === 'connected') {
        this.set(server, 'degraded', 'high latency to the hub');
        this.gen.schedule(this.gen.now + 3 * MIN + this.rng() * 17 * MIN, () => {
          if (this.state[server] === 'degraded') this.set(server, 'connected');
        });
      }
      this.planSlowSpell(server, this.gen.now);
    });
  }
}
