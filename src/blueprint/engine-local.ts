import { applyBlueprint } from './apply';
import { documentResults } from './drift';
import type { BlueprintEngine } from './engine';
import { planBlueprint } from './plan/index';

/** The blueprint engine linked in directly (CLI, tests, and the body of documents.js). */
export const localBlueprintEngine: BlueprintEngine = { planBlueprint, applyBlueprint, documentResults };
