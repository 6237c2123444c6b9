// The office's order in force on a day (责令暂停运行 / 责令关停): the latest not yet lifted; orders
// are filed oldest first, so of two orders given on the same day the one filed later is in force.
import { describe, expect, test } from 'vitest';
import { orderInForce } from '../../src/domain/obligations.ts';

type Order = Parameters<typeof orderInForce>[0]['orders'][number];
const order = (kind: 'suspend' | 'shutdown', date: string, extra: Partial<Order> = {}) => ({ kind, date, rule: '第五条', ...extra }) as Order;

describe('orderInForce()', () => {
  test('none before the first order, the order from its own day on', () => {
    const orders = [order('suspend', '2026-03-02')];
    expect(orderInForce({ orders }, '2026-03-01')).toBeNull();
    expect(orderInForce({ orders }, '2026-03-02')).toBe(orders[0]);
  });

  test('a lifted order is in force until the day before it is lifted', () => {
    const orders = [order('suspend', '2026-03-02', { lifted: '2026-04-01' })];
    expect(orderInForce({ orders }, '2026-03-31')).toBe(orders[0]);
    expect(orderInForce({ orders }, '2026-04-01')).toBeNull();
  });

  test('the latest order wins, whatever the order of the list', () => {
    const a = order('suspend', '2026-03-02');
    const b = order('shutdown', '2026-05-10');
    expect(orderInForce({ orders: [a, b] }, '2026-06-01')).toBe(b);
    expect(orderInForce({ orders: [b, a] }, '2026-06-01')).toBe(b);
  });

  test('of two orders given on the same day, the one filed later is in force (a suspension turned into a shutdown)', () => {
    const suspend = order('suspend', '2026-03-02');
    const shutdown = order('shutdown', '2026-03-02');
    expect(orderInForce({ orders: [suspend, shutdown] }, '2026-03-02')).toBe(shutdown);
    expect(orderInForce({ orders: [shutdown, suspend] }, '2026-03-02')).toBe(suspend);
  });
});
