/** A brand-new account: default pipeline «Воронка», predefined fields only, one admin, no data, no signals. */
import type { Store } from '../store';
import { DEFAULT_STAGES, addPipeline, addPredefined, addUser, emptyStore } from './builders';
import { createRng } from './prng';
import { marketplace } from './widgets';

/** Builds the fresh account relative to `nowMs`. */
export function freshSeed(nowMs: number): Store {
  const rng = createRng('fresh');
  const nowSec = Math.floor(nowMs / 1000);
  const store = emptyStore('fresh', rng, nowSec, {
    id: 31_905_112,
    name: 'Новый аккаунт',
    subdomain: 'novyakkaunt',
    ageDays: 1,
  });
  addUser(store, rng, { name: 'Алексей Смирнов', email: 'a.smirnov@novyakkaunt.ru', admin: true, rank: 'newbie' });
  addPipeline(store, { name: 'Воронка', main: true, unsorted: true, stages: DEFAULT_STAGES });
  addPredefined(store);
  marketplace(store, rng, 30);
  return store;
}
