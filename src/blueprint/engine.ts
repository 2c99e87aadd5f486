/**
 * The document engine's planning half — plan, apply and the `blueprint-*` results — as the orchestrator
 * sees it. Types only here: the widget loads it with the document chunk (documents.js) the first time a
 * document is in play (a file chosen, or a signed-off set-up in the settings), so script.js does not
 * carry it; the CLI and tests link `localBlueprintEngine` in directly.
 */
import type { applyBlueprint } from './apply';
import type { documentResults } from './drift';
import type { planBlueprint } from './plan/index';

/** Plan, apply and compare a configuration document. */
export interface BlueprintEngine {
  planBlueprint: typeof planBlueprint;
  applyBlueprint: typeof applyBlueprint;
  documentResults: typeof documentResults;
}

/** Loads the engine (the widget: from documents.js). */
export type LoadBlueprintEngine = () => Promise<BlueprintEngine>;
