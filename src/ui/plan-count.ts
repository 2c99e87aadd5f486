import type { BlueprintPlan } from './runner-port';

/** Every op a configuration document's plan would send, in all sections. */
export function planOpCount(plan: BlueprintPlan): number {
  return plan.sections.reduce((n, s) => n + s.ops.length, 0);
}
