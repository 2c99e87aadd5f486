type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/**
 * A fetch that can keep one successful answer and hand it, once, to the next identical GET: the CLI's
 * reachability check reads what the audit reads first, so the check adds no request to the audit's budget.
 * Parts gather in parallel, so other requests may come first; the kept answer waits for its own GET (the
 * command's first read of the account, which wants the state at the start of the command).
 */
export function reuseOnce(base: Fetch): { keeping: Fetch; serving: Fetch } {
  let kept: { url: string; response: Response } | null = null;
  return {
    keeping: async (input, init) => {
      const response = await base(input, init);
      if (response.ok && (init?.method ?? 'GET') === 'GET') kept = { url: String(input), response: response.clone() };
      return response;
    },
    serving: async (input, init) => {
      if (kept && kept.url === String(input) && (init?.method ?? 'GET') === 'GET') {
        const { response } = kept;
        kept = null;
        return response;
      }
      return base(input, init);
    },
  };
}
