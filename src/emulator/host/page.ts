import { LANGS, type Lang } from '../../i18n/langs';

/** Escapes text for HTML (names come from the account). */
export function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

/**
 * The local CRM page: a shell like amoCRM's advanced settings page for the widget. No inline script
 * (the page's CSP forbids it): host.js reads the data attributes, builds APP and loads the widget.
 */
export function hostPage(opts: {
  code: string;
  lang: Lang;
  theme: 'light' | 'dark';
  title: string;
  widgetPath: string;
  /** Why the page shows another user than `?user=` asked for (see view-as.ts); null when it does not. */
  notice?: string | null;
}): string {
  const code = escapeHtml(opts.code);
  const notice = opts.notice ? `\n  <p class="host-bar__notice" role="status">${escapeHtml(opts.notice)}</p>` : '';
  return `<!doctype html>
<html lang="${opts.lang}" data-theme="${opts.theme}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(opts.title)}</title>
<link rel="stylesheet" href="/host/host.css">
<script src="/vendor/require.js"></script>
<script src="/host/host.js" defer></script>
</head>
<body data-widget-code="${code}" data-widget-path="${escapeHtml(opts.widgetPath)}">
<div class="host-bar" role="toolbar" aria-label="Local CRM page">
  <strong class="host-bar__brand">amoCRM · local</strong>
  <label>Seed <select id="host-seed"></select></label>
  <label>User <select id="host-user"></select></label>
  <label>Language <select id="host-lang">${LANGS.map((l) => `<option value="${l}">${l}</option>`).join('')}</select></label>
  <label>Theme <select id="host-theme"><option value="light">light</option><option value="dark">dark</option></select></label>
  <button type="button" id="host-reset">Reset account</button>
  <button type="button" id="host-settings">Widget settings…</button>${notice}
</div>
<main class="content">
  <h1 class="content__top">${escapeHtml(opts.title)}</h1>
  <div id="work-area-${code}" class="work-area"></div>
</main>
<div id="host-modal" class="host-modal" hidden>
  <div class="host-modal__body" role="dialog" aria-modal="true" aria-label="Widget settings">
    <form class="host-modal__form">
      <div class="host-modal__content"></div>
      <input type="hidden" name="baseline">
      <div class="host-modal__actions">
        <button type="submit" id="host-settings-save">Save</button>
      </div>
    </form>
    <button type="button" class="host-modal__close" aria-label="Close">×</button>
  </div>
</div>
</body>
</html>
`;
}
