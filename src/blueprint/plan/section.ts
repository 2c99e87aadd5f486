/** What one section of the plan comes to. */
import type { Message } from '../../audit/types';
import type { Op } from '../../fix/types';
import type { BlueprintSection } from '../types';

/** A section's writes, the steps left to a person, and every difference between account and document. */
export interface SectionPlan {
  section: BlueprintSection;
  ops: Op[];
  manual: Message[];
  /** One per difference (the `blueprint-*` result's items); empty when the account matches. */
  differences: Message[];
  /** Set when the section could not be planned (a part failed to load). */
  error?: Message;
}

/** An empty section plan to fill. */
export function emptySection(section: BlueprintSection): SectionPlan {
  return { section, ops: [], manual: [], differences: [] };
}
