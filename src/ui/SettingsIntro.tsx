import type { Translate } from '../i18n/translate';

/** Props of the settings-modal intro. */
export interface SettingsIntroProps {
  t: Translate;
  /** Opens the Setup Audit page (the shell knows its URL). */
  onOpen: () => void;
}

/** Content of the widget's settings modal: what the widget does and a button to its page. */
export function SettingsIntro({ t, onOpen }: SettingsIntroProps) {
  return (
    <div class="sa-intro__body">
      <h2 class="sa-intro__title">{t('ui.intro.title')}</h2>
      <p>{t('ui.intro.text')}</p>
      <ul class="sa-intro__points">
        <li>{t('ui.intro.point1')}</li>
        <li>{t('ui.intro.point2')}</li>
        <li>{t('ui.intro.point3')}</li>
      </ul>
      <button type="button" class="sa-button sa-button--primary" data-action="open-audit" onClick={onOpen}>
        {t('ui.intro.open')}
      </button>
    </div>
  );
}
