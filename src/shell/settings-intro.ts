import type { Mounted } from './mount';
import type { Translate } from '../i18n/translate';

/** The settings modal: what the widget does, and a link to the advanced settings page. */
export function createSettingsIntro(el: HTMLElement, ctx: { t: Translate; code: string }): Mounted {
  const root = document.createElement('div');
  root.className = 'setup-audit setup-audit-settings';
  const intro = document.createElement('p');
  intro.textContent = ctx.t('settings.intro');
  const link = document.createElement('a');
  link.className = 'setup-audit__open';
  link.href = `/settings/widgets/${encodeURIComponent(ctx.code)}/`;
  link.textContent = ctx.t('settings.open');
  const hint = document.createElement('p');
  hint.className = 'setup-audit__hint';
  hint.textContent = ctx.t('settings.after_save');
  root.append(intro, link, hint);
  el.append(root);
  return { unmount: () => root.remove() };
}
