/** A lower-level unit's profile: its parent's volumes shared out by weight, rates near the parent's. */
import type { AgencyProfile } from './fixtures.js';
import type { Rng } from './rng.js';

/**
 * What the units one level down send and receive together, relative to their parent.
 * Seed 002 part I.III.1 (12/3–30/9/2019): level 2 sent 44,889 against 116,630 at the top level,
 * received 143,697 against 343,547.
 */
const CHILDREN_SENT_RATIO = 44_889 / 116_630;
const CHILDREN_RECEIVED_RATIO = 143_697 / 343_547;

/**
 * Signed share lost per level down: seed 002 part I.IV.2c notes that departments and district
 * committees had not all been issued certificates. 0.95 per level is a default, not a figure.
 */
const SIGNED_SHARE_PER_LEVEL = 0.95;

/** How far a child's rates may drift from its parent's, relative, each way (so small rates stay small). */
const RATE_JITTER = 0.15;

/** `weightShare`: its weight over its planned siblings'; `rng`: its own stream, whatever else exists. */
export function scaleProfile(parent: AgencyProfile, weightShare: number, rng: Rng): AgencyProfile {
  const jitter = (value: number) => clamp01(value * (1 + (rng() * 2 - 1) * RATE_JITTER));
  return {
    sentPerYear: Math.max(1, Math.round(parent.sentPerYear * CHILDREN_SENT_RATIO * weightShare)),
    receivedPerYear: Math.max(1, Math.round(parent.receivedPerYear * CHILDREN_RECEIVED_RATIO * weightShare)),
    signedShare: jitter(parent.signedShare * SIGNED_SHARE_PER_LEVEL),
    electronicShare: jitter(parent.electronicShare),
    replyDeadlineShare: jitter(parent.replyDeadlineShare),
    answeredShare: jitter(parent.answeredShare),
    onTimeShare: jitter(parent.onTimeShare),
    statusCodesReported: [...parent.statusCodesReported],
  };
}

const clamp01 = (value: number): number => Math.round(Math.min(1, Math.max(0, value)) * 10_000) / 10_000;
