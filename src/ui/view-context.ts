import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Area } from '../audit/types';

/**
 * The panel's own display actions (which rows and areas are open). Kept apart from intents: they change
 * nothing in the account or the store, only what is on screen; stable for the panel's lifetime.
 */
export interface PanelView {
  toggleRow(ruleId: string): void;
  toggleArea(area: Area): void;
  togglePassed(area: Area): void;
  /** Opens the result (its area, its passed group, the row), clears a filter hiding it, and focuses it. */
  showResult(ruleId: string): void;
  /** Scrolls to the area and focuses its heading. */
  showArea(area: Area): void;
}

/** Context carrying the PanelView. */
export const PanelViewContext = createContext<PanelView | null>(null);

/** The panel's display actions; throws outside a panel (a wiring bug). */
export function usePanelView(): PanelView {
  const view = useContext(PanelViewContext);
  if (!view) throw new Error('Setup Audit component rendered outside PanelViewContext');
  return view;
}
