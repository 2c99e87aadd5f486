import { describe, expect, it } from 'vitest';
import { buildQuery, withQuery } from '../../src/api/query';

describe('query strings', () => {
  it.each([
    [undefined, ''],
    [{}, ''],
    [{ limit: 250, page: 2 }, 'limit=250&page=2'],
    [{ with: 'role,group' }, 'with=role%2Cgroup'],
    [{ 'filter[category][]': ['sip', 'mail'] }, 'filter[category][]=sip&filter[category][]=mail'],
    [
      { 'filter[entity_id][]': [1, 2], skip: undefined, flag: true },
      'filter[entity_id][]=1&filter[entity_id][]=2&flag=true',
    ],
    [{ 'order[created_at]': 'desc', q: 'a&b=c ю' }, 'order[created_at]=desc&q=a%26b%3Dc%20%D1%8E'],
  ])('%j → %s', (query, qs) => {
    expect(buildQuery(query)).toBe(qs);
    // Round-trips through a standard parser.
    const parsed = new URLSearchParams(qs);
    for (const [k, v] of Object.entries(query ?? {})) {
      if (v === undefined) expect(parsed.has(k)).toBe(false);
      else expect(parsed.getAll(k)).toEqual((Array.isArray(v) ? v : [v]).map(String));
    }
  });

  it('appends to a path that already has a query', () => {
    expect(withQuery('/api/v4/events?x=1', { limit: 100 })).toBe('/api/v4/events?x=1&limit=100');
    expect(withQuery('/api/v4/events', {})).toBe('/api/v4/events');
  });
});
