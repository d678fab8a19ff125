import * as assert from 'assert';
import { VirtualClock } from '../../../src/core/http/clock';
import { RequestGate } from '../../../src/core/http/gate';

describe('request gate spacing', () => {
  it('waits three seconds after a slow request ends, not after it started', async () => {
    const clock = new VirtualClock();
    const gate = new RequestGate({ clock });
    const release = await gate.acquire();
    const firstStart = clock.now();
    clock.set(firstStart + 2500); // the first response takes 2.5 s to arrive in full
    release();
    const releaseNext = await gate.acquire();
    assert.strictEqual(clock.now() - (firstStart + 2500), 3000);
    releaseNext();
  });

  it('lets a request through at once when the last one ended long ago', async () => {
    const clock = new VirtualClock();
    const gate = new RequestGate({ clock });
    (await gate.acquire())();
    clock.set(clock.now() + 60_000);
    const before = clock.now();
    (await gate.acquire())();
    assert.strictEqual(clock.now(), before);
  });
});
