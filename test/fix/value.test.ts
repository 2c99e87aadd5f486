import { describe, expect, it } from 'vitest';
import { holds } from '../../src/fix/value';

const read = {
  id: 5,
  name: 'Source',
  sort: 10,
  enums: [
    { id: 1, value: 'Site', sort: 10 },
    { id: 2, value: 'Call', sort: 20 },
    { id: 9, value: 'Chat', sort: 30 },
  ],
  required_statuses: [
    { pipeline_id: 1, status_id: 11 },
    { pipeline_id: 1, status_id: 12 },
  ],
};

describe('holds: the target holds what was written, on the keys written', () => {
  it.each([
    ['the same body', { name: 'Source', enums: read.enums }, true],
    ['fewer keys', { name: 'Source' }, true],
    ['another value', { name: 'Sources' }, false],
    [
      'a new option written without an id, now holding one',
      {
        enums: [
          { id: 1, value: 'Site', sort: 10 },
          { id: 2, value: 'Call', sort: 20 },
          { value: 'Chat', sort: 30 },
        ],
      },
      true,
    ],
    [
      'an option written with its id, now under another id',
      {
        enums: [
          { id: 1, value: 'Site', sort: 10 },
          { id: 3, value: 'Call', sort: 20 },
          { value: 'Chat', sort: 30 },
        ],
      },
      false,
    ],
    [
      'an option left out (the list is whole)',
      {
        enums: [
          { id: 1, value: 'Site', sort: 10 },
          { value: 'Call', sort: 20 },
        ],
      },
      false,
    ],
    [
      'an id-less option whose value is not there',
      {
        enums: [
          { id: 1, value: 'Site', sort: 10 },
          { id: 2, value: 'Call', sort: 20 },
          { value: 'Mail', sort: 30 },
        ],
      },
      false,
    ],
    [
      'two id-less options cannot both be held by one',
      {
        enums: [
          { value: 'Chat', sort: 30 },
          { value: 'Chat', sort: 30 },
          { id: 1, value: 'Site', sort: 10 },
        ],
      },
      false,
    ],
    [
      'required entries in another order',
      { required_statuses: [read.required_statuses[1], read.required_statuses[0]] },
      true,
    ],
    ['one required entry fewer', { required_statuses: [read.required_statuses[0]] }, false],
    ['null written, the key absent', { code: null }, true],
  ])('%s → %s', (_, written, expected) => {
    expect(holds(read, written)).toBe(expected);
  });
});
