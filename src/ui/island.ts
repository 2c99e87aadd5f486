import type { PanelEnv } from './context';

/**
 * A view of an on-demand module (fixes.js), drawn into a DOM node of its own. The module carries its own
 * Preact, so its components cannot be children of the panel's tree (hooks and contexts belong to one
 * copy of Preact): the panel hands it an element and plain props, and the module renders there.
 */
export interface IslandView<P> {
  /** Renders (or re-renders) the view into `el` with these props. */
  render(el: HTMLElement, props: P): void;
  /** Takes the view out of `el` (its effects clean up, focus goes back where a dialog found it). */
  unmount(el: HTMLElement): void;
}

/** Props of an island view: its own props plus the panel's environment (its contexts are not the panel's). */
export type IslandProps<P> = P & { env: PanelEnv };
