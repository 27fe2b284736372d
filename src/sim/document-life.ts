/** A simulated document's life: sent, signature checked, delivered or failed, statuses reported, maybe answered. */
import type { SignatureResult } from '../protocol/index.js';
import { deriveSeed, mulberry32 } from '../registry/rng.js';
import {
  blocksDelivery,
  documentId,
  packageShape,
  replyDeadline,
  signatureFailure,
  subject,
  TRUSTED_ISSUER,
  UNTRUSTED_ISSUERS,
} from './documents.js';
import { DAY, HOUR, isWorkingTime, MIN, nextWorkingTime, SEC } from './rhythm.js';
import type { SimGenerator } from './generator.js';

/** Statuses in the order a recipient reports them, with their typical delay (after 01: a clerk's, in office hours). */
const PROGRESSION = [
  { code: '01', meanMs: 40 * SEC },
  { code: '03', meanMs: 40 * MIN },
  { code: '04', meanMs: 60 * MIN },
  { code: '05', meanMs: 90 * MIN },
  { code: '06', meanMs: 20 * HOUR },
] as const;

export class DocumentLife {
  private readonly docNumber: Int32Array;
  /** Last progression stage each agency reports, -1 if none. */
  private readonly lastStage: Int8Array;
  private readonly reports: readonly ReadonlySet<string>[];

  constructor(
    private readonly gen: SimGenerator,
    seed: number,
  ) {
    const { world } = gen;
    const docRng = mulberry32(deriveSeed(seed, 'document-numbers'));
    this.docNumber = Int32Array.from(world.agencies, () => 100 + Math.floor(docRng() * 4000));
    this.reports = world.profiles.map((p) => new Set(p.statusCodesReported));
    this.lastStage = Int8Array.from(this.reports, (set) => PROGRESSION.findLastIndex((s) => set.has(s.code)));
  }

  /** Distinct recipients other than the sender, weighted by how much each receives. */
  pickRecipients(sender: number, count: number): number[] {
    const { world, rng } = this.gen;
    const chosen = new Set<number>();
    const max = Math.min(count, world.agencies.length - 1);
    for (let tries = 0; chosen.size < max && tries < count * 4; tries++) {
      const r = world.recipients.pick(rng);
      if (r !== sender) chosen.add(r);
    }
    if (chosen.size === 0) chosen.add(sender === 0 ? 1 : 0);
    return [...chosen];
  }

  newDocumentId(sender: number): string {
    const { world, rng } = this.gen;
    const n = ++this.docNumber[sender]!;
    return documentId(world.agencies[sender]!.id, world.unitCode[sender]!, n, this.gen.now, rng);
  }

  /** A document package from `sender`: sent, signature checked, delivered or failed per recipient. */
  sendDocument(sender: number, recipients: readonly number[], options: { docId?: string; replyBy?: number } = {}) {
    const gen = this.gen;
    const rng = gen.rng;
    const { agencies, profiles } = gen.world;
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
    gen.emit('document.sent', data);

    const signature =
      gen.effects.signatureOverride(sender, gen.now) ??
      (rng() < (profiles[sender]?.signedShare ?? 1) ? 'valid' : signatureFailure(rng));
    const sig: Record<string, unknown> = { docId, agency: senderId, result: signature };
    if (signature !== 'missing') {
      sig.kind = rng() < 0.8 ? 'organisation' : 'personal';
      sig.issuer = signature === 'untrusted_issuer' ? UNTRUSTED_ISSUERS[Math.floor(rng() * 4)] : TRUSTED_ISSUER;
    }
    gen.schedule(gen.now + 50 + Math.floor(rng() * 700), () => gen.emit('signature.verified', sig));

    const sentAt = gen.now;
    for (const r of recipients)
      gen.schedule(sentAt + 1_000 + rng() * 20_000, () => this.deliver(docId, sender, r, signature, options.replyBy));
    return docId;
  }

  private deliver(docId: string, sender: number, recipient: number, signature: SignatureResult, replyBy?: number) {
    const gen = this.gen;
    const recipientId = gen.world.agencies[recipient]?.id ?? '';
    const fail = (reason: string, detail?: string): void =>
      gen.emit('document.failed', { docId, recipient: recipientId, reason, ...(detail && { detail }) });
    const down = gen.links.unreachable(sender, recipient);
    if (down) return fail('security_server_unreachable', down);
    if (blocksDelivery(signature)) return fail('package_rejected', `signature ${signature.replace(/_/g, ' ')}`);
    const r = gen.rng();
    if (r < 0.004) return fail('recipient_unreachable', "recipient's document system did not answer");
    if (r < 0.007) return fail('timeout');
    if (r < 0.009) return fail('attachment_mismatch', 'attachment does not match the abstract');
    gen.emit('document.delivered', { docId, recipient: recipientId });
    gen.schedule(gen.now + 2_000 + gen.expo(PROGRESSION[0].meanMs), () => this.status(docId, recipient, 0));
    if (replyBy !== undefined) this.planReply(docId, sender, recipient, replyBy);
  }

  /** Reports stage `stage` of the progression (if the agency reports it) and plans the next. */
  private status(docId: string, recipient: number, stage: number): void {
    const gen = this.gen;
    const step = PROGRESSION[stage];
    if (!step) return;
    const reports = this.reports[recipient];
    const silent = gen.effects.statusSilenced(recipient, gen.now);
    const agency = gen.world.agencies[recipient]?.id ?? '';
    if (stage === 1 && reports?.has('02') && gen.rng() < 0.01) {
      if (!silent) gen.emit('status.reported', { docId, agency, code: '02' });
      return;
    }
    if (!silent && reports?.has(step.code)) gen.emit('status.reported', { docId, agency, code: step.code });
    const next = PROGRESSION[stage + 1];
    if (next && stage + 1 <= (this.lastStage[recipient] ?? -1))
      gen.schedule(this.humanDelay(gen.now, next.meanMs), () => this.status(docId, recipient, stage + 1));
  }

  private planReply(docId: string, sender: number, recipient: number, replyBy: number): void {
    const gen = this.gen;
    const p = gen.world.profiles[recipient];
    if (!p || gen.rng() >= p.answeredShare) return;
    const now = gen.now;
    const at =
      gen.rng() < p.onTimeShare
        ? now + Math.max(30 * MIN, gen.rng() * (replyBy - now))
        : nextWorkingTime(replyBy + HOUR + gen.expo(2 * DAY));
    gen.schedule(at, () => {
      if (gen.effects.withholdsReplies(recipient, gen.now)) return;
      const replyDocId = this.sendDocument(recipient, [sender]);
      gen.emit('document.replied', { docId, agency: gen.world.agencies[recipient]?.id ?? '', replyDocId });
    });
  }

  /** A clerk's delay: work that would land outside office hours waits for the next opening. */
  private humanDelay(from: number, meanMs: number): number {
    const t = from + this.gen.expo(meanMs);
    return isWorkingTime(t) ? t : nextWorkingTime(t) + this.gen.expo(20 * MIN);
  }

  /** Deadline documents sent before the history window, due around the start: replies due, answered, overdue. */
  seedOpenDeadlines(seed: number, start: number, scale: number): void {
    const gen = this.gen;
    const rng = mulberry32(deriveSeed(seed, 'open-deadlines'));
    const perDay = gen.world.profiles.reduce((s, p) => s + p.sentPerYear * p.replyDeadlineShare * scale, 0) / 250;
    const wanted = Math.min(2_000, Math.max(10, Math.round(perDay * 2)));
    const latestSend = gen.historyStart - MIN;
    for (let made = 0, tries = 0; made < wanted && tries < wanted * 40; tries++) {
      const sent = latestSend - Math.floor(rng() * 15 * DAY);
      const replyBy = replyDeadline(sent, rng);
      if (Math.abs(replyBy - start) > 2 * DAY) continue;
      made++;
      const sender = gen.world.senders.pick(rng);
      const count = 1 + Math.floor(rng() * 3);
      gen.schedule(sent, () => this.sendDocument(sender, this.pickRecipients(sender, count), { replyBy }));
    }
  }
}
