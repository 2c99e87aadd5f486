/** A brand-new account: default pipeline «Воронка», predefined fields only, one admin, no data, no signals. */
import type { Store } from '../store';
import { seedAccount } from './account';
import { DEFAULT_STAGES } from './builders';
import { marketplace } from './widgets';

/** Builds the fresh account relative to `nowMs`. */
export function freshSeed(nowMs: number): Store {
  const { store, rng } = seedAccount('fresh', nowMs, {
    account: { id: 31_905_112, name: 'Новый аккаунт', subdomain: 'novyakkaunt', ageDays: 1 },
    users: (add) => add({ name: 'Алексей Смирнов', email: 'a.smirnov@novyakkaunt.ru', admin: true, rank: 'newbie' }),
    pipelines: [{ name: 'Воронка', main: true, unsorted: true, stages: DEFAULT_STAGES }],
  });
  marketplace(store, rng, 30);
  return store;
}
