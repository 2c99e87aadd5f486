/**
 * amoCRM's throttle: more than `rate` requests in any 1-second sliding window → 429 with
 * Retry-After; repeated 429s (abuse) → every call answers 403 for a block period.
 */

/** Abuse policy: `after` 429s within `windowMs` start a block of `blockMs`. */
export interface BlockPolicy {
  after: number;
  windowMs: number;
  blockMs: number;
}

/** Defaults: 20 refusals within 10 s block the caller for 5 minutes. */
export const DEFAULT_BLOCK: BlockPolicy = { after: 20, windowMs: 10_000, blockMs: 300_000 };

/** Verdict for one request. */
export type RateVerdict =
  | { ok: true }
  | { ok: false; status: 429; retryAfter: number }
  | { ok: false; status: 403; until: number };

/** Sliding-window limiter over an injectable clock. */
export class RateLimiter {
  private accepted: number[] = [];
  private refused: number[] = [];
  private blockedUntil = 0;

  constructor(
    public rate: number,
    public block: BlockPolicy,
    private readonly now: () => number,
  ) {}

  /** Records a request and says whether it may proceed. Refused requests do not fill the window. */
  check(): RateVerdict {
    const t = this.now();
    if (t < this.blockedUntil) return { ok: false, status: 403, until: this.blockedUntil };
    this.accepted = this.accepted.filter((x) => x > t - 1000);
    if (this.accepted.length < this.rate) {
      this.accepted.push(t);
      return { ok: true };
    }
    this.refused = this.refused.filter((x) => x > t - this.block.windowMs);
    this.refused.push(t);
    if (this.refused.length >= this.block.after) {
      this.blockedUntil = t + this.block.blockMs;
      this.refused = [];
    }
    const oldest = this.accepted[0]!;
    return { ok: false, status: 429, retryAfter: Math.max(1, Math.ceil((oldest + 1000 - t) / 1000)) };
  }

  /** Forgets all history and any block. */
  clear(): void {
    this.accepted = [];
    this.refused = [];
    this.blockedUntil = 0;
  }
}
