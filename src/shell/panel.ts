import type { Mounted } from './mount';
import type { Translate } from '../i18n/translate';

/** What the shell knows when it mounts the panel. */
export interface PanelContext {
  t: Translate;
  accountName: string;
  code: string;
}

/** The panel for the advanced settings page: the product's title and the account it runs in. */
export function createPanel(el: HTMLElement, ctx: PanelContext): Mounted {
  const root = document.createElement('section');
  root.className = 'setup-audit';
  const title = document.createElement('h1');
  title.className = 'setup-audit__title';
  title.textContent = ctx.t('shell.title');
  const account = document.createElement('p');
  account.textContent = ctx.t('shell.account', { name: ctx.accountName });
  root.append(title, account);
  el.append(root);
  return { unmount: () => root.remove() };
}
