import { usePanelEnv } from './context';
import { Dialog } from './Dialog';
import type { FixDialogProps } from './FixDialog';
import type { LoadFixViews } from './fix-views';
import { Island } from './Island';
import { useOnDemand } from './use-on-demand';

/** Props: the fix dialog's own, and where its views come from. */
export interface FixDialogSlotProps extends FixDialogProps {
  load: LoadFixViews;
}

/**
 * The fix dialog's place in the panel. Its views come with the fix engine (fixes.js) on the first click:
 * until they are in, the same frame says the preview is being prepared; when the file cannot be loaded,
 * the frame says so and why, and the rest of the panel goes on working.
 */
export function FixDialogSlot({ load, ...props }: FixDialogSlotProps) {
  const env = usePanelEnv();
  const views = useOnDemand(load);
  if (views.status === 'ready') return <Island view={views.value.fixDialog} props={{ ...props, env }} />;
  const { t, dispatch } = env;
  const close = () => dispatch({ type: 'close-fix' });
  return (
    <Dialog labelledBy="sa-fix-title" onClose={close} closable={true}>
      <h2 class="sa-dialog__title" id="sa-fix-title">
        {props.fix.scope === 'all-safe' ? t('ui.fix.allSafeTitle') : t('ui.fix.title')}
      </h2>
      {views.status === 'loading' ? (
        <p role="status">{t('ui.fix.loading')}</p>
      ) : (
        <div class="sa-alert" role="alert" data-role="fix-unavailable">
          <p>{t('ui.fix.loadFailed', { reason: views.reason })}</p>
        </div>
      )}
      <div class="sa-dialog__actions">
        <button type="button" class="sa-button" data-action="close-dialog" onClick={close}>
          {views.status === 'loading' ? t('ui.fix.cancel') : t('ui.fix.close')}
        </button>
      </div>
    </Dialog>
  );
}
