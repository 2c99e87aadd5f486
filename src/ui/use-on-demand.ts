import { useEffect, useState } from 'preact/hooks';

/** Where an on-demand module stands for a component: loading, ready with its value, or failed with why. */
export type OnDemand<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'failed'; reason: string };

/**
 * Loads an on-demand module when the component mounts. The loader is the shell's cached one, so every
 * component (and a double click) shares one load; a component mounted again after a failure tries again.
 */
export function useOnDemand<T>(load: () => Promise<T>): OnDemand<T> {
  const [state, setState] = useState<OnDemand<T>>({ status: 'loading' });
  useEffect(() => {
    let alive = true;
    load().then(
      (value) => {
        if (alive) setState({ status: 'ready', value });
      },
      (err: unknown) => {
        if (alive) setState({ status: 'failed', reason: err instanceof Error ? err.message : String(err) });
      },
    );
    return () => {
      alive = false;
    };
  }, [load]);
  return state;
}
