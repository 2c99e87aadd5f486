/**
 * Which open lead of the `busy` seed plays which part (its index among the 150 open leads). The seed and its
 * test read the same sets, so an intended outcome is changed in one place; the test still counts every number
 * from the store itself.
 */

/** Number of open leads (working stages of both pipelines). */
export const OPEN_LEADS = 150;
/** Open leads 0..109 sit in «Продажи», 110..149 in «Повторные продажи». */
export const SALES_OPEN = 110;
/** Open leads 0..59 were created inside the 30-day window, the rest before it. */
export const CREATED_IN_WINDOW = 60;

const where = (p: (i: number) => boolean): ReadonlySet<number> =>
  new Set(Array.from({ length: OPEN_LEADS }, (_, i) => i).filter(p));

/** Owned by the user who left (inactive): created before the window. */
export const INACTIVE_OWNED: ReadonlySet<number> = new Set([62, 71, 80, 89, 98, 111, 120, 129, 138]);
/** Last updated more than 14 days ago (27 = 18% of open leads). */
export const IDLE: ReadonlySet<number> = where((i) => i >= CREATED_IN_WINDOW && [1, 3, 7].includes(i % 10));
/** Updated exactly 13 days ago: just inside the 14-day threshold. */
export const NEARLY_IDLE: ReadonlySet<number> = where((i) => i >= CREATED_IN_WINDOW && i % 10 === 5);
/** Without an open task: the idle ones, every 10th from 9, and 4/14/24 (45 = 30%). */
export const WITHOUT_TASK: ReadonlySet<number> = where((i) => IDLE.has(i) || i % 10 === 9 || [4, 14, 24].includes(i));
/** No open task, yet `closest_task_at` is set (their task was completed): the tasks win. */
export const DATE_WITHOUT_TASK: ReadonlySet<number> = new Set([9, 19, 29, 39, 49, 59]);
/** An open task, yet `closest_task_at` is null: the tasks win. */
export const TASK_WITHOUT_DATE: ReadonlySet<number> = new Set([2, 12, 22, 32, 42]);
/** A second open task (owned by an assistant, or by the user who left on lead 62). */
export const SECOND_TASK: ReadonlySet<number> = new Set([0, 10, 20, 30, 40, 50, 62, 70, 100, 140]);
/** The first open task is overdue by more than a day. */
export const OVERDUE: ReadonlySet<number> = new Set([1, 11, 21, 31, 41, 80, 98, 118]);
/** The first open task fell due within the last day: late, but not by more than a day. */
export const DUE_TODAY: ReadonlySet<number> = new Set([3, 13, 23]);
/** The first open task belongs to the admin, not to the lead's owner. */
export const ADMIN_TASK: ReadonlySet<number> = new Set([44, 54]);
/** No linked contact (13 = 8.7% of open leads). */
export const WITHOUT_CONTACT: ReadonlySet<number> = where((i) => i % 10 === 6 && i < 130);
/** Lead 17 shares lead 7's main contact in «Продажи» (the duplicate pair); lead 115 does too, in the other pipeline. */
export const DUPLICATE_OF: ReadonlyMap<number, number> = new Map([
  [17, 7],
  [115, 7],
]);
/** Lead 27 carries lead 37's main contact as its second, non-main contact (not a duplicate). */
export const SECOND_CONTACT_OF: ReadonlyMap<number, number> = new Map([[27, 37]]);
