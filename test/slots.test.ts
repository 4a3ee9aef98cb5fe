// The request slots (src/http/slots.ts): so many at once, the rest in order, a caller whose
// deadline passes leaves the queue without taking or losing a slot. Admission: a place given
// back exactly once, when the request's work has settled and its response or connection has closed.
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import type http from 'node:http';
import { describe, it } from 'node:test';
import { Admission, Slots } from '../src/http/slots.ts';

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

/** A request and its response as Admission sees them: emitters of 'close', the request with its socket. */
function exchange(): { req: http.IncomingMessage; res: http.ServerResponse; socket: EventEmitter & { destroyed: boolean } } {
  const socket = Object.assign(new EventEmitter(), { destroyed: false });
  // As Node does: a socket's 'close' makes the response it serves emit 'close' too, before other listeners run.
  const res = new EventEmitter();
  socket.on('close', () => res.emit('close'));
  return { req: { socket } as unknown as http.IncomingMessage, res: res as http.ServerResponse, socket };
}

describe('Admission', () => {
  it('admits up to its limit and gives each place back once, when its work has settled and whichever closes first', () => {
    const admission = new Admission(2);
    const [a, b, c] = [exchange(), exchange(), exchange()];
    const placeA = admission.admit(a.req, a.res);
    const placeB = admission.admit(b.req, b.res);
    assert.ok(placeA && placeB);
    assert.equal(admission.admit(c.req, c.res), undefined);
    assert.equal(admission.admitted, 2);
    placeA.settled(); // its work ends
    a.res.emit('close'); // answered
    a.socket.emit('close'); // and the connection closes later
    assert.equal(admission.admitted, 1);
    b.socket.emit('close'); // cut off: the socket, then its response
    b.res.emit('close');
    assert.equal(placeB.closed.aborted, true);
    assert.equal(admission.admitted, 1, 'its work has not settled yet');
    placeB.settled();
    placeB.settled();
    assert.equal(admission.admitted, 0);
    assert.equal(a.socket.listenerCount('close') + b.socket.listenerCount('close'), 2, "only Node's own listeners are left");
  });

  it('keeps the place of a request whose client left until its work settles, and says the client left', () => {
    const admission = new Admission(1);
    const gone = exchange();
    const place = admission.admit(gone.req, gone.res);
    assert.ok(place);
    assert.equal(place.closed.aborted, false);
    gone.socket.emit('close');
    assert.equal(place.closed.aborted, true);
    assert.equal(admission.admit(exchange().req, exchange().res), undefined, 'its work still holds the place');
    place.settled();
    assert.equal(admission.admitted, 0);
  });

  it('gives a place back when only the connection closes (a pipelined response waiting its turn)', () => {
    const admission = new Admission(1);
    const socket = Object.assign(new EventEmitter(), { destroyed: false });
    const place = admission.admit({ socket } as unknown as http.IncomingMessage, new EventEmitter() as http.ServerResponse);
    place?.settled();
    socket.emit('close');
    assert.equal(admission.admitted, 0);
  });

  it('does not admit a request whose connection is already gone', () => {
    const admission = new Admission(1);
    const gone = exchange();
    gone.socket.destroyed = true;
    assert.equal(admission.admit(gone.req, gone.res), undefined);
    assert.equal(admission.admitted, 0);
  });
});
