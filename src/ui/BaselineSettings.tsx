import { useState } from 'preact/hooks';
import { defaultBaseline, parseBaseline } from '../audit/baseline/load';
import type { Baseline } from '../audit/baseline/types';
import type { Message } from '../audit/types';
import type { Lang, Translate } from '../i18n/translate';

/** Props of the baseline part of the settings modal. */
export interface BaselineSettingsProps {
  t: Translate;
  lang: Lang;
  /** The baseline JSON saved in the widget's settings; empty = the default. */
  saved: string | null;
  /**
   * Called with the JSON to save (or '' for the default) once it validated; the CRM saves it with the
   * modal. A problem comes back when the setting cannot take it (too large beside a signed-off set-up).
   */
  onChange: (text: string) => Message | null | undefined;
  /** Saves a file in the browser. */
  download: (name: string, text: string) => void;
}

type Status = { kind: 'saved' } | { kind: 'pending'; baseline: Baseline | null } | { kind: 'invalid'; message: string };

/**
 * The settings modal's baseline: which one the audit uses, download it to edit, load an edited one.
 * A file is validated here, so what reaches the CRM's settings is always a valid baseline.
 */
export function BaselineSettings({ t, lang, saved, onChange, download }: BaselineSettingsProps) {
  const savedResult = saved ? parseBaseline(saved) : null;
  const [current, setCurrent] = useState<Baseline>(savedResult?.ok ? savedResult.baseline : defaultBaseline());
  const [status, setStatus] = useState<Status>(
    savedResult && !savedResult.ok
      ? { kind: 'invalid', message: t('ui.baseline.savedInvalid', { error: savedResult.error.message }) }
      : { kind: 'saved' },
  );

  async function load(file: File | undefined): Promise<void> {
    if (!file) return;
    const result = parseBaseline(await file.text());
    if (!result.ok) {
      setStatus({
        kind: 'invalid',
        message: t('ui.baseline.invalid', { file: file.name, error: result.error.message }),
      });
      return;
    }
    const refused = onChange(JSON.stringify(result.baseline));
    if (refused) {
      setStatus({ kind: 'invalid', message: t(refused.key, refused.params) });
      return;
    }
    setCurrent(result.baseline);
    setStatus({ kind: 'pending', baseline: result.baseline });
  }

  function reset(): void {
    const refused = onChange('');
    if (refused) {
      setStatus({ kind: 'invalid', message: t(refused.key, refused.params) });
      return;
    }
    setCurrent(defaultBaseline());
    setStatus({ kind: 'pending', baseline: null });
  }

  return (
    <div class="sa-baseline" data-section="baseline">
      <h3 class="sa-baseline__title">{t('ui.baseline.title')}</h3>
      <p data-role="baseline-current">
        {t('ui.baseline.current', { name: current.name[lang], version: current.version })}
      </p>
      <p class="sa-muted">{t('ui.baseline.explain')}</p>
      <div class="sa-baseline__actions">
        <button
          type="button"
          class="sa-button"
          data-action="download-baseline"
          onClick={() => download(`setup-audit-baseline-${current.id}.json`, `${JSON.stringify(current, null, 2)}\n`)}
        >
          {t('ui.baseline.download')}
        </button>
        <label class="sa-button sa-file">
          {t('ui.baseline.load')}
          <input
            type="file"
            accept=".json,application/json"
            class="sa-visually-hidden"
            data-action="load-baseline"
            onChange={(e) => {
              void load((e.currentTarget as HTMLInputElement).files?.[0]);
            }}
          />
        </label>
        <button type="button" class="sa-button sa-button--link" data-action="reset-baseline" onClick={reset}>
          {t('ui.baseline.reset')}
        </button>
      </div>
      <p
        role="status"
        aria-live="polite"
        data-role="baseline-status"
        class={status.kind === 'invalid' ? 'sa-alert' : 'sa-muted'}
      >
        {status.kind === 'invalid' && status.message}
        {status.kind === 'pending' && t('ui.baseline.pending')}
      </p>
    </div>
  );
}
