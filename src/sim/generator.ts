/**
 * The simulated hub's history: a deterministic stream of events from the traffic profiles, the office rhythm and
 * the incident script. Tasks queued by simulated time emit events and schedule later ones, so events come out in
 * time order however far ahead they were planned.
 */
import type { EventType } from '../protocol/index.js';
import { deriveSeed, mulberry32, type Rng } from '../registry/rng.js';
import { DocumentLife } from './document-life.js';
import { recipientCount, replyDeadline } from './documents.js';
import { EventQueue } from './event-queue.js';
import { IncidentEffects } from './incident-effects.js';
import { activityAt, MIN, PEAK_ACTIVITY, peakRatePerMs } from './rhythm.js';
import { ServerLinks } from './server-links.js';
import type { SimWorld } from './world.js';

/** A durable event before the hub gives it a sequence number. */
export interface SimEvent {
  /** Simulated time, epoch ms. */
  readonly t: number;
  readonly type: EventType;
  readonly data: object;
}

interface GeneratorOptions {
  readonly world: SimWorld;
  readonly seed: number;
  /** The simulated "now" the hub starts at, epoch ms. */
  readonly start: number;
  /** How much regular traffic before `start` to generate (ms). Open deadline documents reach further back. */
  readonly historyMs: number;
  /** Multiplies every agency's volume, for load tests; 1 is the profiles as they are. */
  readonly volumeScale?: number;
}

export class SimGenerator {
  readonly world: SimWorld;
  readonly historyStart: number;
  private readonly queue = new EventQueue<{ readonly t: number; readonly run: () => void }>();
  private readonly outbox: SimEvent[] = [];
  private outHead = 0;
  /** Open deadline documents are planned before the history window, so nothing may be clamped to it. */
  private current = 0;
  readonly rng: Rng;
  private readonly arrivalRate: number;
  readonly docs: DocumentLife;
  readonly links: ServerLinks;
  readonly effects: IncidentEffects;

  constructor(options: GeneratorOptions) {
    const { world, seed, start } = options;
    this.world = world;
    this.rng = mulberry32(deriveSeed(seed, 'traffic'));
    this.historyStart = start - options.historyMs;
    this.docs = new DocumentLife(this, seed);
    const scale = options.volumeScale ?? 1;
    this.arrivalRate = world.profiles.reduce((sum, p) => sum + peakRatePerMs(p.sentPerYear * scale), 0);
    // A security server beats once a simulated minute.
    this.links = new ServerLinks(this, MIN, deriveSeed(seed, 'links'));
    this.effects = new IncidentEffects(this, seed, start);
    if (this.arrivalRate > 0) this.schedule(this.historyStart + this.gap(), () => this.arrival());
    this.docs.seedOpenDeadlines(seed, start, scale);
  }

  /** Simulated time of the task being run (the time stamped on what it emits). */
  get now(): number {
    return this.current;
  }

  /** Runs `run` at simulated time `t` (never before the task scheduling it). */
  schedule(t: number, run: () => void): void {
    this.queue.push({ t: Math.max(Math.round(t), this.current), run });
  }

  /** Emits an event at the current task's time. */
  emit(type: EventType, data: object): void {
    this.outbox.push({ t: this.current, type, data });
  }

  /** The next event in time order. The stream never ends. */
  next(): SimEvent {
    while (this.outHead >= this.outbox.length) this.step();
    const ev = this.outbox[this.outHead++] as SimEvent;
    if (this.outHead === this.outbox.length) {
      this.outbox.length = 0;
      this.outHead = 0;
    }
    return ev;
  }

  /** Hands every event up to and including simulated time `until` to `sink`; returns how many. */
  drainUntil(until: number, sink: (ev: SimEvent) => void): number {
    let n = 0;
    for (;;) {
      if (this.outHead < this.outbox.length) {
        sink(this.next());
        n++;
      } else if (this.queue.peekTime() <= until) this.step();
      else break;
    }
    if (until > this.current) this.current = until;
    return n;
  }

  private step(): void {
    const task = this.queue.pop();
    if (!task) throw new Error('simulation ran out of work'); // the arrival and heartbeat loops never stop
    this.current = task.t;
    task.run();
  }

  private gap(): number {
    return -Math.log(1 - this.rng()) / this.arrivalRate;
  }

  /** Background traffic: a Poisson process at peak rate, thinned by the office rhythm. */
  private arrival(): void {
    const t = this.current;
    if (this.rng() * PEAK_ACTIVITY < activityAt(t)) {
      const sender = this.world.senders.pick(this.rng);
      const profile = this.world.profiles[sender];
      const replyBy = profile && this.rng() < profile.replyDeadlineShare ? replyDeadline(t, this.rng) : undefined;
      this.docs.sendDocument(sender, this.docs.pickRecipients(sender, recipientCount(this.rng)), { replyBy });
    }
    this.schedule(t + this.gap(), () => this.arrival());
  }

  expo(meanMs: number): number {
    return -Math.log(1 - this.rng()) * meanMs;
  }
}
