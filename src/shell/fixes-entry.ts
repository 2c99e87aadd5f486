// The AMD entry of fixes.js: the fix engine (executor, undo, a preview's choices) and the fix dialog,
// loaded by the panel the first time a fix is previewed or undone.
import { localFixEngine } from '../runner/fix-engine-local';
import { localFixViews } from '../ui/fix-views-local';
import type { FixesModule } from './fixes-module';

const fixes: FixesModule = { engine: localFixEngine, views: localFixViews };

export default fixes;
