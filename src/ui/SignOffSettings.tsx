import { useState } from 'preact/hooks';
import type { Message } from '../audit/types';
import type { Lang, Translate } from '../i18n/translate';
import type { SignOffView } from './runner-port';
import { formatWhen, say } from './format';

/** Props of the sign-off part of the settings modal. */
export interface SignOffSettingsProps {
  t: Translate;
  lang: Lang;
  /** The sign-off in the saved settings. */
  saved: SignOffView | null;
  /** One made on the audit page that this Save will keep (already written into the modal's input). */
  staged: SignOffView | null;
  /** Why the saved sign-off cannot be used (a damaged setting). */
  problem: Message | null;
  /** Drops the sign-off from what Save keeps; a problem comes back when the setting cannot be written. */
  onRemove: () => Message | null;
  /** Saves the setting as it stands (baseline and sign-off) as a file, for `setup-audit audit --baseline FILE`. */
  download: () => void;
}

/**
 * The settings modal's signed-off set-up: which one the audits report drift from, one from the audit
 * page waiting for Save, and a way to stop checking drift. The page cannot save settings itself; this
 * modal's Save is the documented way, so this is where a sign-off is kept.
 */
export function SignOffSettings({ t, lang, saved, staged, problem, onRemove, download }: SignOffSettingsProps) {
  const [removed, setRemoved] = useState(false);
  const [error, setError] = useState<Message | null>(null);
  const shown = staged ?? saved;
  const line = (key: string, s: SignOffView) =>
    t(key, { date: formatWhen(s.signedAt, lang), by: s.by, file: s.source ?? '—' });
  return (
    <div class="sa-baseline sa-signoff" data-section="sign-off">
      <h3 class="sa-baseline__title">{t('ui.signOff.title')}</h3>
      {problem && (
        <p class="sa-alert" data-role="sign-off-problem">
          {say(t, problem)}
        </p>
      )}
      <p data-role="sign-off-current" data-state={removed ? 'removed' : staged ? 'staged' : saved ? 'saved' : 'none'}>
        {removed
          ? t('ui.signOff.removed')
          : staged
            ? line('ui.signOff.staged', staged)
            : saved
              ? line('ui.signOff.saved', saved)
              : t('ui.signOff.none')}
      </p>
      <p class="sa-muted">{t('ui.signOff.explain')}</p>
      {shown && !removed && (
        <div class="sa-baseline__actions">
          <button type="button" class="sa-button" data-action="download-setting" onClick={download}>
            {t('ui.signOff.download')}
          </button>
          <button
            type="button"
            class="sa-button sa-button--link"
            data-action="remove-sign-off"
            onClick={() => {
              const refused = onRemove();
              if (refused) setError(refused);
              else setRemoved(true);
            }}
          >
            {t('ui.signOff.remove')}
          </button>
        </div>
      )}
      {error && (
        <p class="sa-alert" role="alert">
          {say(t, error)}
        </p>
      )}
    </div>
  );
}
