/**
 * The plan: the document diffed against a Snapshot, section by section in the order they are applied
 * (pipelines, fields, loss reasons, roles, required matrix), each against the account as the earlier
 * sections leave it, plus the steps left to a person. Pure: no fetch, no clock.
 */
import type { Message } from '../../audit/types';
import type { Snapshot } from '../../snapshot/types';
import { BLUEPRINT_SECTIONS, type Blueprint, type BlueprintSection } from '../types';
import { planByHand } from './by-hand';
import { planFields } from './fields';
import { lossDifferences, lossListStep, withLossReasons } from './loss-reasons';
import { type Model, PartUnavailable, modelOf } from './model';
import { planPipelines } from './pipelines';
import { planRequired } from './required';
import { planRoles } from './roles';
import { emptySection, type SectionPlan } from './section';

export type { SectionPlan } from './section';

/** Every section's plan and the by-hand steps of the planning sheets. */
export interface BlueprintPlan {
  sections: SectionPlan[];
  /** From the planning sheets (users, channels, forms): the API has no write for them. */
  manual: Message[];
}

function guarded(section: BlueprintSection, build: () => SectionPlan): SectionPlan {
  try {
    return build();
  } catch (err) {
    if (!(err instanceof PartUnavailable)) throw err;
    return { ...emptySection(section), error: err.reason };
  }
}

/** One section planned against the model (which it updates as the account will be after it). */
export function planSection(model: Model, doc: Blueprint, section: BlueprintSection): SectionPlan {
  const folded = withLossReasons(doc);
  // The matrix a created field carries in its POST (the loss-reason field's 143 rows included).
  const matrix = { pipelines: doc.pipelines, required: folded.required };
  switch (section) {
    case 'fields':
      return guarded(section, () => planFields(model, folded.fields, 'fields', matrix));
    case 'loss-reasons':
      return guarded(section, () => {
        const plan = planFields(model, folded.loss ? [folded.loss] : [], 'loss-reasons', matrix);
        plan.manual.push(...lossListStep(model, doc));
        return plan;
      });
    case 'pipelines':
      return guarded(section, () => planPipelines(model, doc.pipelines));
    case 'roles':
      return guarded(section, () => planRoles(model, doc.roles));
    case 'required':
      return guarded(section, () =>
        planRequired(model, {
          ...doc,
          fields: [...folded.fields, ...(folded.loss ? [folded.loss] : [])],
          required: folded.required,
        }),
      );
  }
}

/** The whole plan for a snapshot. */
export function planBlueprint(doc: Blueprint, snapshot: Snapshot): BlueprintPlan {
  const model = modelOf(snapshot);
  const sections = BLUEPRINT_SECTIONS.map((s) => planSection(model, doc, s));
  // The loss-reason requirement at 143 is written by the required section; its difference belongs to loss reasons too.
  const loss = sections.find((s) => s.section === 'loss-reasons')!;
  if (!loss.error) {
    const before = modelOf(snapshot);
    const extra = lossDifferences(before, doc).filter((d) => d.key === 'blueprint.diff.lossNotRequired');
    loss.differences.push(...extra);
  }
  return { sections, manual: planByHand(modelOf(snapshot), doc.planning) };
}
