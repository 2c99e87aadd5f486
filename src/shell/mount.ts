/**
 * Idempotent mounting: the CRM may call render and advancedSettings in either order and more than once,
 * and the work area may appear slightly after render; one element never gets two panels.
 */

/** A mounted view that can be taken down. */
export interface Mounted {
  unmount(): void;
}

const mounted = new Map<HTMLElement, Mounted>();

/** Mount `create(el)` into `el` unless something is already mounted there. */
export function mountOnce(el: HTMLElement, create: (el: HTMLElement) => Mounted): Mounted {
  const existing = mounted.get(el);
  if (existing) return existing;
  const view = create(el);
  mounted.set(el, view);
  return view;
}

/** Unmount everything this widget mounted and leave no DOM behind. */
export function unmountAll(): void {
  for (const [el, view] of mounted) {
    view.unmount();
    el.replaceChildren();
  }
  mounted.clear();
}

/** Number of live mounts (for tests and diagnostics). */
export function mountedCount(): number {
  return mounted.size;
}
