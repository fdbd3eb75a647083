/**
 * The policy part of the configuration: dedup, flood digests, routing, silences and send rate.
 * `config.ts` mounts it as `policy` with every default filled in.
 */
import * as z from 'zod/mini';
import { SEVERITIES } from '../finding/model.js';
import { DEFAULT_RATE } from './pacing.js';

const nonEmpty = z.string().check(z.minLength(1));
/** A description for the settings table in docs/configuration.md (`npm run docs:config`). */
const about = z.describe;
const list = z.optional(z.array(nonEmpty).check(z.minLength(1)));

/** One matcher shared by routes and silences: every field given must match; each list is "any of". */
const matcherSchema = z
  .strictObject({
    accounts: list,
    regions: list,
    /** `Finding.productName`, e.g. `Security Hub`, `GuardDuty`, `Inspector`. */
    products: list,
    severities: z.optional(z.array(z.enum(SEVERITIES)).check(z.minLength(1))),
    /** This severity or higher. */
    minSeverity: z.optional(z.enum(SEVERITIES)),
    /** `compliance.controlId`, e.g. `S3.1`, `CIS.1.10`. */
    controls: list,
    /** Any resource of one of these types, e.g. `AwsS3Bucket`. */
    resourceTypes: list,
    /** Any one resource carrying all these tags; a list means "any of these values". */
    resourceTags: z.optional(z.record(nonEmpty, z.union([z.string(), z.array(z.string()).check(z.minLength(1))]))),
    /** The finding's account carries all these Organizations tags (from the account directory). */
    accountTags: z.optional(z.record(nonEmpty, z.union([z.string(), z.array(z.string()).check(z.minLength(1))]))),
  })
  .register(z.globalRegistry, {
    id: 'matcher',
    description: 'Which findings: every field given must match ([Matchers](rules.md#matchers-routes-and-silences)).',
  });

/** When a summary goes out: an EventBridge Scheduler expression in a time zone. */
export const summaryScheduleSchema = z
  .strictObject({
    schedule: z
      ._default(z.string().check(z.regex(/^(cron|rate)\(.+\)$/, 'expected cron(...) or rate(...)')), 'cron(0 8 ? * MON *)')
      .check(
        about(
          'An [EventBridge Scheduler expression](https://docs.aws.amazon.com/scheduler/latest/UserGuide/schedule-types.html): `cron(minutes hours day-of-month month day-of-week year)` or `rate(1 day)`; the default is Monday 08:00.',
        ),
      ),
    timeZone: z
      .optional(z.string())
      .check(
        about(
          "IANA time zone the schedule runs in (daylight saving time included) and the summary's dates are shown in; by default the configuration's `timeZone`.",
        ),
      ),
    enabled: z._default(z.boolean(), true).check(about('Per route: `false` for no summary.')),
    sources: z
      ._default(z.array(z.enum(['GetFindings', 'GetFindingsV2'])).check(z.minLength(1)), ['GetFindings'])
      .check(
        about(
          'Where the Lambda reads open findings: `GetFindings` (Security Hub CSPM, ASFF), `GetFindingsV2` (the new Security Hub, OCSF); with both, a finding both report counts twice.',
        ),
      ),
  })
  .register(z.globalRegistry, { id: 'summary', description: 'When a summary goes out ([summary](summary.md)).' });

const emails = z.array(z.email()).check(z.minLength(1), z.maxLength(50));

const routeSchema = z.strictObject({
  name: nonEmpty.check(about("The route's name, in logs and summaries.")),
  match: matcherSchema,
  ses: z
    .optional(
      z.strictObject({
        to: emails.check(about('Recipients of this route (1-50).')),
        cc: z._default(z.array(z.email()), []).check(about('Recipients on copy.')),
      }),
    )
    .check(about('SES recipients of this route, instead of `ses.to` and `ses.cc`.')),
  snsTopicArn: z
    .optional(z.string().check(z.regex(/^arn:aws[\w-]*:sns:[\w-]+:\d{12}:[\w-]{1,256}$/)))
    .check(about("SNS topic of this route, instead of `sns.topicArn`; in the function's Region.")),
  /** Same values as `LOCALES` in config.ts (not imported: config.ts imports this file). */
  locale: z.optional(z.enum(['en', 'ja'])).check(about("Language of this route's emails, instead of `locale`.")),
  owner: z
    .optional(
      z.strictObject({ tag: z.optional(nonEmpty).check(about("Account tag holding the owner's address; else the SECURITY contact.")) }),
    )
    .check(
      about(
        "Send to the account's owner (SES): the address in account tag `tag`, else the SECURITY alternate contact; without either, to the route's recipients.",
      ),
    ),
  summary: z.optional(summaryScheduleSchema).check(about('The summary email of this route, instead of the top-level `summary`.')),
});

const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** An ISO-8601 date, or date-time with a zone, that names a real day (no 2026-02-30). */
function isInstant(value: string): boolean {
  const [, year, month, day] = ISO_INSTANT.exec(value) ?? [];
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return date.getUTCMonth() === Number(month) - 1 && date.getUTCDate() === Number(day) && Number.isFinite(Date.parse(value));
}

const instant = z
  .string()
  .check(z.refine(isInstant, { error: 'expected an ISO-8601 date (2026-03-31) or date-time with zone (2026-03-31T09:00:00+09:00)' }));

const silenceSchema = z.strictObject({
  match: matcherSchema,
  reason: z.string().check(z.trim(), z.minLength(3), about('Why, for the log and for whoever reads the configuration next.')),
  expiresAt: instant.check(about('ISO-8601 date or date-time with zone; the silence stops by itself at this instant.')),
});

const GROUP_FIELDS = ['accountId', 'severity', 'region', 'productName', 'controlId', 'resourceType'] as const;
export type GroupField = (typeof GROUP_FIELDS)[number];

export const policySchema = z.strictObject({
  dedup: z
    .prefault(
      z.strictObject({
        enabled: z
          ._default(z.boolean(), true)
          .check(about('Material-change deduplication: mail a finding again only when what a person decides on changed.')),
        repeatAfterHours: z
          ._default(z.number().check(z.nonnegative()), 0)
          .check(about('Mail an unchanged open finding again after this many hours; `0` never repeats.')),
        notifyOnResolution: z
          ._default(z.boolean(), false)
          .check(about('Mail when a notified finding is resolved (PASSED, RESOLVED, SUPPRESSED, ARCHIVED).')),
        stateTtlDays: z
          ._default(z.number().check(z.positive()), 90)
          .check(about("How long a finding's state is kept after its last change (DynamoDB TTL).")),
      }),
      {},
    )
    .check(about('What counts as news ([rules](rules.md)).')),
  digest: z
    .prefault(
      z.strictObject({
        groupBy: z._default(z.array(z.enum(GROUP_FIELDS)), ['accountId', 'severity']).check(about('The fields that make a group.')),
        threshold: z
          ._default(z.int().check(z.positive()), 5)
          .check(
            about(
              'Up to this many findings of a group in one flush get one email each; above it the group is one digest (several above 50).',
            ),
          ),
      }),
      {},
    )
    .check(about('Floods become digests.')),
  window: z
    .prefault(
      z.strictObject({
        groupWaitSeconds: z
          ._default(z.int().check(z.gte(0), z.lte(900)), 30)
          .check(about("How long a group's first finding waits for company before its flush.")),
        severityWaitSeconds: z
          ._default(z.partialRecord(z.enum(SEVERITIES), z.int().check(z.gte(0), z.lte(900))), {})
          .check(
            about(
              'A shorter (or longer) wait for these severities, e.g. `{ "CRITICAL": 10 }`; the shortest in a group wins. A short wait makes small first flushes (more mails in a flood).',
            ),
          ),
        groupIntervalSeconds: z
          ._default(z.int().check(z.gte(0), z.lte(86_400)), 300)
          .check(about('The least time between two flushes of a group.')),
      }),
      {},
    )
    .check(about("Delivery windows across invocations, as Alertmanager's group_wait and group_interval ([windows](windows.md)).")),
  routes: z
    ._default(z.array(routeSchema), [])
    .check(about('Where a finding goes: the first route whose `match` matches; no match goes to the top-level recipients.')),
  silences: z._default(z.array(silenceSchema), []).check(about('Matching findings are skipped (counted, logged) until `expiresAt`.')),
  rate: z
    .prefault(
      z.strictObject({
        perSecond: z
          .optional(z.number().check(z.positive()))
          .check(
            about(
              `Sends per second for all invocations together: emails per SNS topic (default and most ${DEFAULT_RATE.sns}, the per-endpoint limit), recipients for SES (default ${DEFAULT_RATE.ses}, the sandbox rate).`,
            ),
          ),
      }),
      {},
    )
    .check(about('The send rate.')),
});

export type PolicyConfig = z.infer<typeof policySchema>;
export type Matcher = z.infer<typeof matcherSchema>;
export type Route = z.infer<typeof routeSchema>;
export type Silence = z.infer<typeof silenceSchema>;
