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
