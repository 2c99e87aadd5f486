/** The local calendar date as YYYY-MM-DD (the day a person made the file, in their own time zone). */
function localDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * A document's file name that says what and when: `setup-audit-<subdomain>-<date>.xlsx`, with a kind
 * between them for the other documents (`setup-audit-<subdomain>-report-<date>.json`). The subdomain is
 * reduced to what is safe in a file name everywhere; an account without one is named "account".
 */
export function documentFileName(
  subdomain: string | null | undefined,
  date: Date,
  ext: 'xlsx' | 'json' | 'md' | 'csv',
  kind?: string,
): string {
  const who =
    (subdomain ?? '')
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'account';
  return `setup-audit-${who}${kind ? `-${kind}` : ''}-${localDate(date)}.${ext}`;
}
