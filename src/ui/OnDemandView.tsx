import { usePanelEnv } from './context';
import { Island } from './Island';
import type { IslandProps, IslandView } from './island';
import { useOnDemand } from './use-on-demand';

/** Props: the on-demand module's loader, which of its views to show, and the view's own props. */
export interface OnDemandViewProps<V, P> {
  load: () => Promise<V>;
  pick: (views: V) => IslandView<IslandProps<P>>;
  props: P;
}

/**
 * A view of an on-demand module in the panel's place for it. Nothing shows while the module loads (the
 * views placed this way follow a step that loaded it already); when it cannot load, that place says so
 * and why, and the rest of the panel goes on working.
 */
export function OnDemandView<V, P>({ load, pick, props }: OnDemandViewProps<V, P>) {
  const env = usePanelEnv();
  const views = useOnDemand(load);
  if (views.status === 'loading') return null;
  if (views.status === 'failed') {
    return (
      <p class="sa-alert" role="alert" data-role="view-unavailable">
        {env.t('ui.onDemand.failed', { reason: views.reason })}
      </p>
    );
  }
  return <Island view={pick(views.value)} props={{ ...props, env }} />;
}
