/** Limits a file must stay within before it is read (amoCRM's own import limits plus zip-bomb caps). */
export interface PreflightLimits {
  /** Bytes of the file itself. */
  maxBytes: number;
  /** Data rows (the header row not counted). */
  maxRows: number;
  /** Sum of uncompressed sizes declared in the zip central directory. */
  maxUncompressed: number;
  /** Uncompressed ÷ compressed for one entry larger than `ratioFloor` bytes. */
  maxRatio: number;
  ratioFloor: number;
}

/** Defaults: 20 MB and 100,000 rows (the import's limits), 200 MB / ratio 100 for archives. */
export const DEFAULT_LIMITS: PreflightLimits = {
  maxBytes: 20 * 1024 * 1024,
  maxRows: 100_000,
  maxUncompressed: 200 * 1024 * 1024,
  maxRatio: 100,
  ratioFloor: 1024 * 1024,
};

const MB = 1024 * 1024;

/**
 * The answer for a file of `size` bytes before a byte of it is read: empty, too large, or null
 * (read it); `endless` for a device or pipe read past the limit. Callers check it on `stat`/`File.size` first, so a 2 GB file or /dev/zero is never read whole.
 */
export function sizeProblem(
  size: number | 'endless',
  limits: PreflightLimits,
): { code: 'file-empty' | 'file-too-large'; params: Record<string, number | string> } | null {
  const max = Math.round(limits.maxBytes / MB);
  // A device or pipe has no size; it was cut off just past the limit, so all that is known is "more than".
  if (size === 'endless') return { code: 'file-too-large', params: { size: `> ${max}`, max } };
  if (size === 0) return { code: 'file-empty', params: {} };
  if (size > limits.maxBytes) return { code: 'file-too-large', params: { size: Math.ceil(size / MB), max } };
  return null;
}
