/** Fetch wrappers for `account({ wrapFetch })`: writes whose answer never comes, so the executor must read back. */

/** True for a request that writes (any method but GET). */
export const isWrite = (init?: RequestInit) => !!init?.method && init.method !== 'GET';

/** Lets a write to a URL containing `match` reach the account, then never answers (the client times out after sending). */
export const loseAnswer = (match: string) => (inner: typeof fetch) =>
  (async (url: string, init?: RequestInit) => {
    if (isWrite(init) && String(url).includes(match)) {
      await inner(url, init);
      return new Promise<Response>(() => {});
    }
    return inner(url, init);
  }) as typeof fetch;

/** A write to a URL containing `match` times out before it reaches the account. */
export const neverSend = (match: string) => (inner: typeof fetch) =>
  (async (url: string, init?: RequestInit) => {
    if (isWrite(init) && String(url).includes(match)) return new Promise<Response>(() => {});
    return inner(url, init);
  }) as typeof fetch;
