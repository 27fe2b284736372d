/** The hub's top-level agencies and security servers from `fixtures/` (figures: fixtures/README.md), checked. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../package-root.js';
import { z } from 'zod';
import {
  agencyIdSchema,
  connectionKindSchema,
  isoTimestampSchema,
  serverIdSchema,
  statusCodeSchema,
} from '../protocol/index.js';

const share = z.number().min(0).max(1);
const volume = z.number().int().nonnegative();

/** How an agency behaves on the hub, per year; drives the simulated traffic. */
const agencyProfileSchema = z.object({
  /** Documents sent through the hub in a year (văn bản gửi). */
  sentPerYear: volume,
  /** Documents received through the hub in a year (văn bản nhận). */
  receivedPerYear: volume,
  /** Of electronic documents, the share carrying a digital signature (tỷ lệ có ký số). */
  signedShare: share,
  /** Of documents sent, the share sent electronically rather than on paper only. */
  electronicShare: share,
  /** Of documents sent, the share that require a reply by a deadline (văn bản có thời hạn). */
  replyDeadlineShare: share,
  /** Of documents that require a reply, the share answered (đã trả lời). */
  answeredShare: share,
  /** Of answered documents, the share answered by the deadline (đúng hạn). */
  onTimeShare: share,
  /** The processing statuses (trạng thái xử lý) this agency's software reports back. */
  statusCodesReported: z.array(statusCodeSchema).min(1),
});
export type AgencyProfile = z.infer<typeof agencyProfileSchema>;

/** A top-level unit: ministry or ministry-level body, province/city, or the Party Central Office. */
const topLevelAgencySchema = z.object({
  id: agencyIdSchema,
  name: z.string().min(1),
  nameEn: z.string().min(1),
  kind: z.enum(['ministry', 'province', 'party']),
  /** Direct from its document software, or through its LGSP (nền tảng tích hợp, chia sẻ). */
  connection: connectionKindSchema,
  securityServer: serverIdSchema,
  profile: agencyProfileSchema,
  /** Where each figure came from: seed file and table, or "default". */
  sources: z.array(z.string().min(1)).min(1),
});
export type TopLevelAgency = z.infer<typeof topLevelAgencySchema>;

/** A security server (máy chủ bảo mật) as listed in the fixtures. */
const securityServerFixtureSchema = z.object({
  id: serverIdSchema,
  name: z.string().min(1),
  /** `shared`: one host carrying several top-level agencies; `dedicated`: one agency's own. */
  hosting: z.enum(['shared', 'dedicated']),
  certificateExpiresAt: isoTimestampSchema,
});
export type Fixtures = ReturnType<typeof parseFixtures>;

let cached: Fixtures | undefined;

/** Reads and checks the fixture files once; later calls return the same objects. */
export function loadFixtures(): Fixtures {
  const read = (file: string): unknown => JSON.parse(readFileSync(path.join(packageRoot, 'fixtures', file), 'utf8'));
  return (cached ??= parseFixtures(read('agencies.json'), read('security-servers.json')));
}

/** Checks raw fixture data; throws an Error naming every problem found. */
export function parseFixtures(rawAgencies: unknown, rawServers: unknown) {
  const agencies = parseOrThrow(z.array(topLevelAgencySchema), rawAgencies, 'agencies.json');
  const securityServers = parseOrThrow(z.array(securityServerFixtureSchema), rawServers, 'security-servers.json');
  const problems = [
    ...duplicates(agencies.map((a) => a.id)).map((id) => `agency id ${id} appears more than once`),
    ...duplicates(securityServers.map((s) => s.id)).map((id) => `security server ${id} appears more than once`),
  ];
  const serverIds = new Set(securityServers.map((s) => s.id));
  for (const { id, securityServer } of agencies.filter((a) => !serverIds.has(a.securityServer)))
    problems.push(`agency ${id} uses security server ${securityServer}, which is not listed`);
  if (problems.length > 0) throw new Error(`fixtures are inconsistent:\n- ${problems.join('\n- ')}`);
  return { agencies, securityServers };
}

function parseOrThrow<T>(schema: z.ZodType<T>, data: unknown, file: string): T {
  const result = schema.safeParse(data);
  if (!result.success) throw new Error(`fixtures/${file} is invalid:\n${z.prettifyError(result.error)}`);
  return result.data;
}

const duplicates = (ids: readonly string[]): string[] => [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
