import { describe, expect, it } from 'vitest';
import { DuplicateIndex } from '../../src/snapshot/duplicates';

describe('DuplicateIndex', () => {
  it.each([
    {
      name: 'phones in different formats are one number (last 10 digits)',
      contacts: [
        [1, ['+7 (912) 345-67-89'], []],
        [2, ['89123456789'], []],
        [3, ['8 912 000-00-00'], []],
      ],
      groups: [{ kind: 'phone', key: '9123456789', contactIds: [1, 2] }],
    },
    {
      name: 'emails differing by case and spaces are one address',
      contacts: [
        [5, [], [' Ivan@Mail.ru ']],
        [4, [], ['ivan@mail.ru']],
      ],
      groups: [{ kind: 'email', key: 'ivan@mail.ru', contactIds: [4, 5] }],
    },
    {
      name: 'one contact with the same phone twice is not a duplicate',
      contacts: [[1, ['+79123456789', '89123456789'], []]],
      groups: [],
    },
    {
      name: 'too short numbers and values without @ are ignored',
      contacts: [
        [1, ['123'], ['n/a']],
        [2, ['123'], ['n/a']],
      ],
      groups: [],
    },
    {
      name: 'three contacts share a phone and two share an email: two groups, phones first',
      contacts: [
        [3, ['+7 900 111 22 33'], ['a@b.ru']],
        [1, ['79001112233'], []],
        [2, ['9001112233'], ['A@b.ru']],
      ],
      groups: [
        { kind: 'phone', key: '9001112233', contactIds: [1, 2, 3] },
        { kind: 'email', key: 'a@b.ru', contactIds: [2, 3] },
      ],
    },
  ] as const)('$name', ({ contacts, groups }) => {
    const index = new DuplicateIndex();
    for (const [id, phones, emails] of contacts) index.add(id, phones, emails);
    expect(index.groups()).toEqual(groups);
  });
});
