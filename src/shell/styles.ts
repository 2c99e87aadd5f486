/**
 * Makes sure the archive's style.css is on the page. Widgets link it themselves from `params.path`
 * (whether the CRM also does so is not documented); an existing link to it is reused, never doubled.
 */
export function ensureStyles(path: string, version: string | undefined): void {
  if (!path || typeof document === 'undefined') return;
  const href = `${path.replace(/\/+$/, '')}/style.css`;
  const links = Array.from(document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]'));
  if (links.some((l) => l.getAttribute('href')?.split('?')[0] === href)) return;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = version ? `${href}?v=${encodeURIComponent(version)}` : href;
  link.dataset.setupAudit = 'style';
  document.head.append(link);
}
