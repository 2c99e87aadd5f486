/**
 * Wraps a loader of an on-demand module so that it runs once: every caller while it loads shares the
 * one pending load (a double click starts one download, not two), and a failed load is forgotten so
 * the next call tries again (a dropped connection is not the end of the feature).
 */
export function cachedLoader<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | null = null;
  return () => {
    pending ??= load().catch((err: unknown) => {
      pending = null;
      throw err;
    });
    return pending;
  };
}
