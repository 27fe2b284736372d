/**
 * The simulated hub's history: a deterministic, time-ordered stream of durable events drawn
 * from the agencies' traffic profiles, the office rhythm and the incident script.
 *
 * Work is a queue of tasks ordered by simulated time; a task emits events stamped with its
 * own time and schedules later tasks (the next status of a document, the next heartbeat), so
 * events come out in time order however far ahead they were planned.
 */
import type { EventType, SignatureResult } from '../protocol/index.js';
import { deriveSeed, mulberry32, type Rng } from '../registry/rng.js';
import {
  blocksDelivery,
  documentId,
  packageShape,
  recipientCount,
  replyDeadline,
  signatureFailure,
  subject,
  TRUSTED_ISSUER,
  UNTRUSTED_ISSUERS,
} from './documents.js';
import { EventQueue } from './event-queue.js';
import { IncidentEffects } from './incident-effects.js';
import { activityAt, isWorkingTime, nextWorkingTime, PEAK_ACTIVITY, peakRatePerMs } from './rhythm.js';
import { ServerLinks } from './server-links.js';
import type { SimWorld } from './world.js';

const SEC = 1_000;
const MIN = 60 * SEC;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/** A durable event before the hub gives it a sequence number. */
export interface SimEvent {
  /** Simulated time, epoch ms. */
  readonly t: number;
  readonly type: EventType;
  readonly data: object;
}

export interface GeneratorOptions {
  readonly world: SimWorld;
  readonly seed: number;
  /** The simulated "now" the hub starts at, epoch ms. */
  readonly start: number;
  /** How much regular traffic before `start` to generate (ms). Open deadline documents reach further back. */
  readonly historyMs: number;
  /** Multiplies every agency's volume, for load tests; 1 is the profiles as they are. */
  readonly volumeScale?: number;
  /** Simulated interval between a security server's heartbeats. */
  readonly serverHeartbeatMs?: number;
  /** Run the incident script (default true). */
  readonly incidents?: boolean;
}

interface Task {
  readonly t: number;
  readonly run?: () => void;
  readonly type?: EventType;
  readonly data?: object;
}

/** Processing statuses in the order a recipient reports them, with their typical delay. */
const PROGRESSION = [
  { code: '01', meanMs: 40 * SEC, human: false },
  { code: '03', meanMs: 40 * MIN, human: true },
  { code: '04', meanMs: 60 * MIN, human: true },
  { code: '05', meanMs: 90 * MIN, human: true },
  { code: '06', meanMs: 20 * HOUR, human: true },
] as const;

export interface DocumentOptions {
  readonly docId?: string;
  readonly replyBy?: number;
  readonly signature?: SignatureResult;
}

export class SimGenerator {
  readonly world: SimWorld;
  readonly historyStart: number;
  private readonly queue = new EventQueue<Task>();
  private readonly outbox: SimEvent[] = [];
  private outHead = 0;
  private current: number;
  readonly rng: Rng;
  private readonly docNumber: Int32Array;
  /** Last progression stage each agency reports, -1 if none. */
  private readonly lastStage: Int8Array;
  private readonly reports: readonly ReadonlySet<string>[];
  private readonly arrivalRate: number;
  readonly links: ServerLinks;
  readonly effects: IncidentEffects;

  constructor(options: GeneratorOptions) {
    const { world, seed, start } = options;
    this.world = world;
    this.rng = mulberry32(deriveSeed(seed, 'traffic'));
    this.historyStart = start - options.historyMs;
    // Open deadline documents are planned before the history window; nothing may be clamped to it.
    this.current = 0;
    const docRng = mulberry32(deriveSeed(seed, 'document-numbers'));
    this.docNumber = Int32Array.from(world.agencies, () => 100 + Math.floor(docRng() * 4000));
    this.reports = world.profiles.map((p) => new Set(p.statusCodesReported));
    this.lastStage = Int8Array.from(this.reports, (set) => {
      let last = -1;
      PROGRESSION.forEach((s, i) => set.has(s.code) && (last = i));
      return last;
    });
    const scale = options.volumeScale ?? 1;
    this.arrivalRate = world.profiles.reduce((sum, p) => sum + peakRatePerMs(p.sentPerYear * scale), 0);
    this.links = new ServerLinks(this, options.serverHeartbeatMs ?? MIN, deriveSeed(seed, 'links'));
    this.effects = new IncidentEffects(this, seed, start, options.incidents ?? true);
    if (this.arrivalRate > 0) this.schedule(this.historyStart + this.gap(), () => this.arrival());
    this.seedOpenDeadlines(seed, start, scale);
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
    if (task.run) task.run();
    else this.outbox.push({ t: task.t, type: task.type as EventType, data: task.data as object });
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
      this.sendDocument(sender, this.pickRecipients(sender, recipientCount(this.rng)), { replyBy });
    }
    this.schedule(t + this.gap(), () => this.arrival());
  }

  /** Distinct recipients other than the sender, weighted by how much each receives. */
  pickRecipients(sender: number, count: number): number[] {
    const chosen = new Set<number>();
    const max = Math.min(count, this.world.agencies.length - 1);
    for (let tries = 0; chosen.size < max && tries < count * 4; tries++) {
      const r = this.world.recipients.pick(this.rng);
      if (r !== sender) chosen.add(r);
    }
    if (chosen.size === 0) chosen.add(sender === 0 ? 1 : 0);
    return [...chosen];
  }

  newDocumentId(sender: number): string {
    const n = (this.docNumber[sender] = (this.docNumber[sender] ?? 0) + 1);
    const agency = this.world.agencies[sender];
    return documentId(agency?.id ?? '', this.world.unitCode[sender] ?? 'VP', n, this.current, this.rng);
  }

  /** A document package from `sender`: sent, signature checked, delivered or failed per recipient. */
  sendDocument(sender: number, recipients: readonly number[], options: DocumentOptions = {}): string {
    const rng = this.rng;
    const { agencies, profiles } = this.world;
    const senderId = agencies[sender]?.id ?? '';
    const docId = options.docId ?? this.newDocumentId(sender);
    const { attachments, sizeBytes } = packageShape(rng);
    const data: Record<string, unknown> = {
      docId,
      sender: senderId,
      recipients: recipients.map((r) => agencies[r]?.id ?? ''),
      attachments,
      sizeBytes,
      subject: subject(rng),
    };
    if (options.replyBy !== undefined) data.replyBy = new Date(options.replyBy).toISOString();
    this.emit('document.sent', data);

    const signature =
      options.signature ??
      this.effects.signatureOverride(sender, this.current) ??
      (rng() < (profiles[sender]?.signedShare ?? 1) ? 'valid' : signatureFailure(rng));
    const sig: Record<string, unknown> = { docId, agency: senderId, result: signature };
    if (signature !== 'missing') {
      sig.kind = rng() < 0.8 ? 'organisation' : 'personal';
      sig.issuer = signature === 'untrusted_issuer' ? UNTRUSTED_ISSUERS[Math.floor(rng() * 4)] : TRUSTED_ISSUER;
    }
    this.queue.push({ t: this.current + 50 + Math.floor(rng() * 700), type: 'signature.verified', data: sig });

    const sentAt = this.current;
    for (const r of recipients) {
      this.schedule(sentAt + 1_000 + rng() * 20_000, () => this.deliver(docId, sender, r, signature, options.replyBy));
    }
    return docId;
  }

  private deliver(
    docId: string,
    sender: number,
    recipient: number,
    signature: SignatureResult,
    replyBy?: number,
  ): void {
    const rng = this.rng;
    const recipientId = this.world.agencies[recipient]?.id ?? '';
    const fail = (reason: string, detail?: string): void =>
      this.emit(
        'document.failed',
        detail ? { docId, recipient: recipientId, reason, detail } : { docId, recipient: recipientId, reason },
      );
    const down = this.links.unreachable(sender, recipient);
    if (down) return fail('security_server_unreachable', down);
    if (blocksDelivery(signature)) return fail('package_rejected', `signature ${signature.replace(/_/g, ' ')}`);
    const r = rng();
    if (r < 0.004) return fail('recipient_unreachable', "recipient's document system did not answer");
    if (r < 0.007) return fail('timeout');
    if (r < 0.009) return fail('attachment_mismatch', 'attachment does not match the abstract');
    this.emit('document.delivered', { docId, recipient: recipientId });
    this.schedule(this.current + 2_000 + this.expo(PROGRESSION[0].meanMs), () => this.status(docId, recipient, 0));
    if (replyBy !== undefined) this.planReply(docId, sender, recipient, replyBy);
  }

  /** Reports stage `stage` of the progression (if the agency reports it) and plans the next. */
  private status(docId: string, recipient: number, stage: number): void {
    const step = PROGRESSION[stage];
    if (!step) return;
    const reports = this.reports[recipient];
    const silent = this.effects.statusSilenced(recipient, this.current);
    const agency = this.world.agencies[recipient]?.id ?? '';
    if (stage === 1 && reports?.has('02') && this.rng() < 0.01) {
      if (!silent) this.emit('status.reported', { docId, agency, code: '02' });
      return;
    }
    if (!silent && reports?.has(step.code)) this.emit('status.reported', { docId, agency, code: step.code });
    const next = PROGRESSION[stage + 1];
    if (next && stage + 1 <= (this.lastStage[recipient] ?? -1)) {
      this.schedule(this.humanDelay(this.current, next.meanMs), () => this.status(docId, recipient, stage + 1));
    }
  }

  private planReply(docId: string, sender: number, recipient: number, replyBy: number): void {
    const p = this.world.profiles[recipient];
    if (!p || this.rng() >= p.answeredShare) return;
    const now = this.current;
    const at =
      this.rng() < p.onTimeShare
        ? now + Math.max(30 * MIN, this.rng() * (replyBy - now))
        : nextWorkingTime(replyBy + HOUR + this.expo(2 * DAY));
    this.schedule(at, () => {
      if (this.effects.withholdsReplies(recipient, this.current)) return;
      const replyDocId = this.sendDocument(recipient, [sender]);
      this.emit('document.replied', { docId, agency: this.world.agencies[recipient]?.id ?? '', replyDocId });
    });
  }

  /** Exponential delay with the given mean. */
  expo(meanMs: number): number {
    return -Math.log(1 - this.rng()) * meanMs;
  }

  /** A clerk's delay: work that would land outside office hours waits for the next opening. */
  private humanDelay(from: number, meanMs: number): number {
    const t = from + this.expo(meanMs);
    return isWorkingTime(t) ? t : nextWorkingTime(t) + this.expo(20 * MIN);
  }

  /**
   * Deadline documents sent before the history window whose deadlines fall around the start,
   * so a console connecting at once already has replies due, answered and overdue.
   */
  private seedOpenDeadlines(seed: number, start: number, scale: number): void {
    const rng = mulberry32(deriveSeed(seed, 'open-deadlines'));
    const perDay = this.world.profiles.reduce((s, p) => s + p.sentPerYear * p.replyDeadlineShare * scale, 0) / 250;
    const wanted = Math.min(2_000, Math.max(10, Math.round(perDay * 2)));
    const latestSend = this.historyStart - MIN;
    for (let made = 0, tries = 0; made < wanted && tries < wanted * 40; tries++) {
      const sent = latestSend - Math.floor(rng() * 15 * DAY);
      const replyBy = replyDeadline(sent, rng);
      if (Math.abs(replyBy - start) > 2 * DAY) continue;
      made++;
      const sender = this.world.senders.pick(rng);
      const count = 1 + Math.floor(rng() * 3);
      this.schedule(sent, () => this.sendDocument(sender, this.pickRecipients(sender, count), { replyBy }));
    }
  }
}
