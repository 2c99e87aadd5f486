import { FixDialog } from './FixDialog';
import type { FixViews } from './fix-views';
import { islandOf } from './island-of';

/** The fix views linked in directly (tests, the bench's page, and the body of the widget's fixes.js). */
export const localFixViews: FixViews = { fixDialog: islandOf(FixDialog) };
