import { coverageOf } from '../../src/audit/scoring';
import type {
  Area,
  AreaScore,
  Item,
  Outcome,
  OutcomeCounts,
  Report,
  RuleResult,
  Severity,
} from '../../src/audit/types';
import { AREAS } from '../../src/audit/types';

const OUTCOMES: Outcome[] = ['pass', 'fail', 'needs-review', 'manual', 'not-applicable', 'error'];

/** Zeroed outcome counts. */
export function zeroCounts(): OutcomeCounts {
  return Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as OutcomeCounts;
}

/** Items named like the account's own things, `n` of them; names include markup to prove text-only rendering. */
export function items(prefix: string, n: number, link = true): (Item & { text: string })[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `${prefix}:${i + 1}`,
    message: { key: 'items.test', params: { i: i + 1 } },
    text: `${prefix} #${i + 1}`,
    ...(link ? { link: `/contacts/detail/${i + 1}` } : {}),
  }));
}

/** A rule result with readable defaults. */
export function result(
  ruleId: string,
  area: Area,
  outcome: Outcome,
  severity: Severity,
  extra: Partial<RuleResult> = {},
): RuleResult {
  return {
    ruleId,
    area,
    outcome,
    severity,
    items: [],
    evidence: [],
    fix: null,
    keys: {
      title: { key: `rules.${ruleId}.fail` },
      message: { key: 'items.summary.fail', params: { count: 0 } },
      why: { key: `rules.${ruleId}.why` },
      howTo: { key: `rules.${ruleId}.howTo` },
    },
    title: `Title of ${ruleId}`,
    message: `Message of ${ruleId}`,
    why: `Why ${ruleId} matters`,
    howTo: `How to fix ${ruleId} by hand`,
    ...extra,
  };
}

/** Default results: every area present, mixed outcomes, two fixable rules (one safe, one confirm). */
export function defaultResults(dataItems = 3): RuleResult[] {
  return [
    // Registry order on purpose puts a pass and a low failure before a high one, to test sorting.
    result('duplicate-field-names', 'fields', 'pass', 'medium'),
    result('required-statuses-stale', 'fields', 'fail', 'low', {
      items: items('status', 1),
      fix: { kind: 'safe', ops: 1 },
    }),
    result('required-at-entry-stage', 'fields', 'fail', 'high', {
      items: items('field', 2),
      fix: { kind: 'safe', ops: 2 },
    }),
    result('loss-reason-missing', 'fields', 'fail', 'medium', { fix: { kind: 'confirm', ops: 3 } }),
    result('select-options-few', 'fields', 'needs-review', 'low'),
    result('export-open', 'rights', 'pass', 'high'),
    result('single-admin', 'rights', 'pass', 'medium'),
    result('default-stage-names', 'pipeline', 'pass', 'medium'),
    result('mail-activity-absent', 'mail', 'error', 'medium', {
      error: {
        part: 'notes',
        failure: { kind: 'forbidden', status: 403, message: 'Forbidden' },
        reason: { key: 'items.partFailed', params: { part: 'notes' } },
        message: 'Notes need admin rights',
      },
    }),
    result('mail-access-none', 'mail', 'pass', 'medium'),
    result('web-form-absent', 'forms', 'needs-review', 'medium'),
    result('test-form-submitted', 'forms', 'manual', 'info'),
    result('telephony-absent', 'telephony', 'pass', 'medium'),
    result('test-call-made', 'telephony', 'manual', 'info'),
    result('chat-channels-absent', 'channels', 'not-applicable', 'medium'),
    result('duplicate-contacts', 'data', 'fail', 'medium', { items: items('contact', dataItems) }),
    result('initial-data-missing', 'data', 'pass', 'high'),
    result('setup-document-approved', 'data', 'manual', 'info'),
  ];
}

/** Builds a Report whose counts and area scores agree with its results. */
export function reportFixture(
  opts: {
    results?: RuleResult[];
    score?: number | null;
    grade?: string | null;
    failedParts?: Partial<Record<Area, AreaScore['failedParts']>>;
  } = {},
): Report {
  const results = opts.results ?? defaultResults();
  const counts = zeroCounts();
  for (const r of results) counts[r.outcome]++;
  const areas: AreaScore[] = AREAS.map((id) => {
    const c = zeroCounts();
    for (const r of results) if (r.area === id) c[r.outcome]++;
    const judged = c.pass + c.fail;
    return {
      id,
      score: judged ? Math.round((100 * c.pass) / judged) : null,
      counts: c,
      coverage: coverageOf(results.filter((r) => r.area === id)),
      incomplete: c.error > 0,
      failedParts: opts.failedParts?.[id] ?? [],
    };
  });
  return {
    schemaVersion: 1,
    generatedAt: '2025-03-01T10:00:05Z',
    takenAt: '2025-03-01T10:00:00Z',
    lang: 'en',
    account: { id: 1, subdomain: 'acme', name: 'Acme <b>Ltd</b>' },
    baseline: {
      id: 'b2b-services',
      version: '1',
      names: {
        en: 'B2B services',
        ru: 'B2B услуги',
        es: 'Servicios B2B',
        pt: 'Serviços B2B',
        tr: 'B2B hizmetler',
        id: 'Layanan B2B',
      },
      name: 'B2B services',
    },
    score: opts.score === undefined ? 72 : opts.score,
    grade: opts.grade === undefined ? 'C' : opts.grade,
    counts,
    coverage: coverageOf(results),
    incomplete: counts.error > 0,
    areas,
    results,
    requests: { count: 12, retries: 0 },
  };
}
