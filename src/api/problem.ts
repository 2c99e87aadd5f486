import type { ProblemDto } from './dto';
import {
  type ApiError,
  type Method,
  type ValidationIssue,
  AuthError,
  ForbiddenError,
  HttpError,
  NotFoundError,
  PaymentRequiredError,
  RateLimitBanError,
  RateLimitError,
  ValidationError,
} from './errors';

/** Parse a body as JSON; undefined when empty or not JSON (error bodies may be HTML from a proxy). */
export function parseJsonOrUndefined(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined;
}

function asRecord(v: unknown): Record<string, unknown> | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

/**
 * Flatten `validation-errors` (documented: `[{request_id, errors: [{code, path, detail}]}]`) and the
 * sources-batch variant `{errors: [{request_id, errors: {code, path, detail}}]}` (inner object, not array).
 */
export function parseValidationIssues(body: unknown): ValidationIssue[] {
  const rec = asRecord(body);
  if (!rec) return [];
  const groups = rec['validation-errors'] ?? rec.errors;
  if (!Array.isArray(groups)) return [];
  const out: ValidationIssue[] = [];
  for (const g of groups) {
    const group = asRecord(g);
    if (!group) continue;
    const requestId = str(group.request_id) ?? null;
    const inner = Array.isArray(group.errors) ? group.errors : group.errors !== undefined ? [group.errors] : [group];
    for (const e of inner) {
      const issue = asRecord(e);
      if (!issue) continue;
      out.push({
        requestId,
        code: str(issue.code) ?? '',
        path: str(issue.path) ?? '',
        detail: str(issue.detail) ?? '',
      });
    }
  }
  return out;
}

/** A short readable excerpt of a non-JSON body (HTML from a proxy, plain text). */
function excerpt(text: string): string | undefined {
  const plain = text
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!plain) return undefined;
  return plain.length > 160 ? `${plain.slice(0, 157)}...` : plain;
}

/** `Retry-After` in ms: header (seconds or an HTTP date) first, then the body's `retry_after` (seconds). */
export function retryAfterMs(headers: Headers, body: unknown, nowMs: number): number | null {
  const h = headers.get('retry-after');
  if (h !== null && h.trim() !== '') {
    const secs = Number(h);
    if (Number.isFinite(secs) && secs >= 0) return Math.round(secs * 1000);
    const at = Date.parse(h);
    if (Number.isFinite(at)) return Math.max(0, at - nowMs);
  }
  const fromBody = (asRecord(body) as ProblemDto | undefined)?.retry_after;
  if (typeof fromBody === 'number' && Number.isFinite(fromBody) && fromBody >= 0) return Math.round(fromBody * 1000);
  return null;
}

/** Everything needed to turn an HTTP failure into a typed error. */
export interface FailedResponse {
  method: Method;
  path: string;
  status: number;
  statusText: string;
  text: string;
  retryAfterMs?: number | null;
  outcomeUnknown?: boolean;
  /** True when this client (or another on the same account's throttle) met a 429 shortly before. */
  afterRateLimit?: boolean;
}

// amoCRM's documented ban wording (ru error codes page), Kommo's IP restriction, and the English gloss.
const BAN_WORDS =
  /заблокирован|превышени[ея] количества запросов|too many requests|rate.?limit|ip (?:is |was )?restricted|requests from your ip|blocked/i;

/**
 * A 403 is a ban, not a missing right, when it follows 429s, when its text is the ban answer, or when it is an
 * HTML page: rights refusals are problem+json, while the reported bans came as an edge proxy's HTML page.
 */
export function isBanAnswer(r: Pick<FailedResponse, 'status' | 'text' | 'afterRateLimit'>): boolean {
  if (r.status !== 403) return false;
  if (r.afterRateLimit) return true;
  if (BAN_WORDS.test(r.text)) return true;
  return parseJsonOrUndefined(r.text) === undefined && /<\s*(?:html|title|body)\b/i.test(r.text);
}

/** Build the typed error for a non-success status, reading problem+json when present. */
export function errorFromResponse(r: FailedResponse): ApiError {
  const body = parseJsonOrUndefined(r.text);
  const rec = asRecord(body);
  const title = str(rec?.title) ?? (r.statusText || undefined);
  // Legacy v2-style bodies: {response: {error, error_code}}.
  const legacy = str(asRecord(rec?.response)?.error);
  const detail = str(rec?.detail) ?? str(rec?.hint) ?? legacy ?? (rec ? undefined : excerpt(r.text));
  const init = { method: r.method, path: r.path, status: r.status, detail, outcomeUnknown: r.outcomeUnknown };
  switch (r.status) {
    case 400:
    case 422:
      return new ValidationError(init, parseValidationIssues(body), title);
    case 401:
      return new AuthError(init, title);
    case 402:
      return new PaymentRequiredError(init, title);
    case 403:
      if (isBanAnswer(r)) return new RateLimitBanError(init, r.retryAfterMs ?? null, title);
      return new ForbiddenError(init, title);
    case 404:
      return new NotFoundError(init, title);
    case 429:
      return new RateLimitError(init, r.retryAfterMs ?? null, title);
    default:
      return new HttpError(init, title);
  }
}
