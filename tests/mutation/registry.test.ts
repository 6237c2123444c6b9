// An empty registry has every collection, empty, and a fresh one each time (callers push into it).
import { expect, test } from 'vitest';
import { emptyRegistry } from '../../src/domain/registry.ts';

test('emptyRegistry() has every kind of filing as an empty list, no policy, nothing unreadable', () => {
  expect(emptyRegistry()).toEqual({ units: [], accounts: [], reviews: [], pushLists: [], groups: [], impostors: [], pages: [], unreadable: {} });
});

test('emptyRegistry() returns a new registry each call, so filling one leaves the next empty', () => {
  const a = emptyRegistry();
  a.units.push({} as never);
  a.accounts.push({} as never);
  a.unreadable.unit = ['x'];
  expect(emptyRegistry().units).toEqual([]);
  expect(emptyRegistry().accounts).toEqual([]);
  expect(emptyRegistry().unreadable).toEqual({});
});
