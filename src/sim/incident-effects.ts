/** Plays the incident script inside the generator: server states, signatures, statuses, replies, extra documents. */
import type { SignatureResult } from '../protocol/index.js';
import { deriveSeed, mulberry32 } from '../registry/rng.js';
import type { SimGenerator } from './generator.js';
import { cycleAnchor, INCIDENT_CYCLE_MS, OVERDUE_PILE_SIZE, planIncidents, type Incident } from './incidents.js';
import { DAY, HOUR, MIN, SEC } from './rhythm.js';

/** An agency-level effect: which agency, from when to when. */
type Window = { readonly agency: number; readonly from: number; readonly to: number };

export class IncidentEffects {
  /** Every incident planned so far, in plan order (cycles are planned ahead of time). */
  readonly incidents: Incident[] = [];
  private readonly expiredCertificate: Window[] = [];
  private readonly silenced: Window[] = [];
  private readonly withholding: Window[] = [];

  constructor(
    private readonly gen: SimGenerator,
    private readonly seed: number,
    private readonly start: number,
  ) {
    this.planCycle(0);
  }

  readonly signatureOverride = (sender: number, t: number): SignatureResult | undefined =>
    active(this.expiredCertificate, sender, t) ? 'expired_certificate' : undefined;
  readonly statusSilenced = (agency: number, t: number): boolean => active(this.silenced, agency, t);
  readonly withholdsReplies = (agency: number, t: number): boolean => active(this.withholding, agency, t);

  private planCycle(cycle: number): void {
    const gen = this.gen;
    const anchor = cycleAnchor(this.start, cycle);
    const rng = mulberry32(deriveSeed(this.seed, `incident-effects/${cycle}`));
    for (const incident of planIncidents(gen.world, this.seed, this.start, cycle)) {
      this.incidents.push(incident);
      const { from, to } = incident;
      const agency = gen.world.indexOf.get(incident.target) ?? -1;
      const server = gen.world.securityServers.findIndex((s) => s.id === incident.target);
      switch (incident.kind) {
        // The reasons given with a server's state are in Vietnamese, as a hub writes them.
        case 'server_down':
          gen.schedule(from, () => gen.links.set(server, 'disconnected', 'mất kết nối tới Trục'));
          gen.schedule(to, () => gen.links.set(server, 'connected', 'đã kết nối lại'));
          break;
        case 'server_flapping': {
          let down = false;
          const flip = (): void => {
            down = !down && gen.now < to;
            gen.links.set(server, down ? 'disconnected' : 'connected', down ? 'kết nối chập chờn' : undefined);
            if (gen.now < to) gen.schedule(gen.now + 45 * SEC + rng() * 30 * SEC, flip);
          };
          gen.schedule(from, flip);
          break;
        }
        case 'signature_failure_burst': {
          this.expiredCertificate.push({ agency, from, to });
          // Clerks resend what the hub refused, so the burst is visible even off-hours.
          const retry = (): void => {
            if (gen.now >= to) return;
            gen.docs.sendDocument(agency, gen.docs.pickRecipients(agency, 1 + Math.floor(rng() * 3)));
            gen.schedule(gen.now + 20 * SEC + rng() * 25 * SEC, retry);
          };
          gen.schedule(from, retry);
          break;
        }
        case 'status_silence':
          this.silenced.push({ agency, from, to });
          break;
        case 'duplicate_sends': {
          let docId: string | undefined;
          let recipients: number[] = [];
          const resend = (): void => {
            if (gen.now >= to) return;
            if (!docId) {
              recipients = gen.docs.pickRecipients(agency, 1 + Math.floor(rng() * 3));
              docId = gen.docs.newDocumentId(agency);
            }
            gen.docs.sendDocument(agency, recipients, { docId });
            gen.schedule(gen.now + MIN + rng() * MIN, resend);
          };
          gen.schedule(from, resend);
          break;
        }
        case 'overdue_pile':
          this.withholding.push({ agency, from: from - 30 * DAY, to: to + HOUR });
          this.planPile(agency, incident, cycle === 0, rng);
          break;
      }
    }
    // Plan the next cycle before its earliest effect (pile documents go out hours ahead).
    const next = cycleAnchor(this.start, cycle + 1);
    gen.schedule(Math.min(anchor + INCIDENT_CYCLE_MS, next) - 6 * HOUR, () => this.planCycle(cycle + 1));
  }

  /** Deadline documents to the agency, due one after another through the incident (sent days or hours ahead). */
  private planPile(agency: number, incident: Incident, firstCycle: boolean, rng: () => number): void {
    const gen = this.gen;
    const span = incident.to - incident.from;
    for (let i = 0; i < OVERDUE_PILE_SIZE; i++) {
      const replyBy = incident.from + Math.round((span * (i + rng() * 0.8)) / OVERDUE_PILE_SIZE);
      const sent = firstCycle
        ? gen.historyStart - MIN - Math.floor(rng() * 10 * DAY)
        : incident.from - 30 * MIN - Math.floor(rng() * 2 * HOUR);
      let sender = gen.world.senders.pick(rng);
      if (sender === agency) sender = agency === 0 ? 1 : 0;
      gen.schedule(Math.min(sent, replyBy - HOUR), () => gen.docs.sendDocument(sender, [agency], { replyBy }));
    }
  }
}

const active = (windows: readonly Window[], agency: number, t: number): boolean =>
  windows.some((w) => w.agency === agency && t >= w.from && t < w.to);
