/**
 * The stage colours the API documents for POST/PATCH of statuses (reference: amocrm-api-v4 §6; the PHP
 * client's StatusModel::COLORS holds the same 21). The system colours the API returns (#c1c1c1 for
 * unsorted, #CCFF66 / #D5D8DB for 142 / 143, #99ccff …) are not in it, so a new stage never copies them.
 */
export const STATUS_COLORS = [
  '#fffeb2',
  '#fffd7f',
  '#fff000',
  '#ffeab2',
  '#ffdc7f',
  '#ffce5a',
  '#ffdbdb',
  '#ffc8c8',
  '#ff8f92',
  '#d6eaff',
  '#c1e0ff',
  '#98cbff',
  '#ebffb1',
  '#deff81',
  '#87f2c0',
  '#f9deff',
  '#f3beff',
  '#ccc8f9',
  '#eb93ff',
  '#f2f3f4',
  '#e6e8ea',
] as const;

/** True when the colour is one the API documents for stages (case-insensitive). */
export function isStatusColor(color: string): boolean {
  return (STATUS_COLORS as readonly string[]).includes(color.toLowerCase());
}

/**
 * A documented colour for the next new stage: the first one no stage of the pipeline uses yet (so added
 * stages stay apart on the board), else the palette in turn.
 */
export function nextStatusColor(used: readonly string[], nth = 0): string {
  const taken = new Set(used.map((c) => c.toLowerCase()));
  const free = STATUS_COLORS.filter((c) => !taken.has(c));
  const pool = free.length ? free : STATUS_COLORS;
  return pool[nth % pool.length]!;
}
