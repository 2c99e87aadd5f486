import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Lang, Translate } from '../i18n/translate';
import type { Intent } from './store';

/**
 * What every component may read without props: the translator, the language and the
 * way to emit intents. Kept stable for the panel's lifetime so that a state change does
 * not re-render components through the context; changing data flows by props.
 */
export interface PanelEnv {
  t: Translate;
  lang: Lang;
  dispatch: (intent: Intent) => void;
}

/** Context carrying the PanelEnv. */
export const PanelEnvContext = createContext<PanelEnv | null>(null);

/** The panel environment; throws when a component is rendered outside a panel (a wiring bug). */
export function usePanelEnv(): PanelEnv {
  const env = useContext(PanelEnvContext);
  if (!env) throw new Error('Setup Audit component rendered outside PanelEnvContext');
  return env;
}
