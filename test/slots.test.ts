// The request slots (src/server/slots.ts): so many at once, the rest in order, a caller whose
// deadline passes leaves the queue without taking or losing a slot.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Slots } from '../src/server/slots.ts';

describe('Slots', () => {
  it('lets so many run at once and the others in the order they came', async () => {
    const slots = new Slots(2);
    let running = 0;
    let most = 0;
    const order: number[] = [];
    const job = async (n: number) => {
      await slots.take(new AbortController().signal);
      running += 1;
      most = Math.max(most, running);
      order.push(n);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running -= 1;
      slots.give();
    };
    await Promise.all(Array.from({ length: 7 }, (_, n) => job(n)));
    assert.equal(most, 2);
    assert.deepEqual(order, [0, 1, 2, 3, 4, 5, 6]);
    assert.deepEqual(slots.state, { free: 2, waiting: 0 });
  });

  it('takes a waiting caller whose signal aborts out of the queue, and the slot goes to the next', async () => {
    const slots = new Slots(1);
    await slots.take(new AbortController().signal);
    const impatient = new AbortController();
    const first = slots.take(impatient.signal);
    const second = slots.take(new AbortController().signal);
    assert.deepEqual(slots.state, { free: 0, waiting: 2 });
    impatient.abort(new Error('deadline'));
    await assert.rejects(first, /deadline/);
    assert.deepEqual(slots.state, { free: 0, waiting: 1 });
    slots.give();
    await second;
    slots.give();
    assert.deepEqual(slots.state, { free: 1, waiting: 0 });
    await assert.rejects(slots.take(AbortSignal.abort(new Error('already'))), /already/);
    assert.deepEqual(slots.state, { free: 1, waiting: 0 });
  });
});
