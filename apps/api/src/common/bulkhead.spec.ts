import { Bulkhead } from './bulkhead';

/** A call that stays in progress until released. */
function pending() {
  let release!: () => void;
  let fail!: (error: Error) => void;
  const done = new Promise<void>((resolve, reject) => {
    release = resolve;
    fail = reject;
  });
  return { done, release, fail };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('Bulkhead', () => {
  it('runs at most `limit` calls at once, the others in arrival order as slots free up', async () => {
    const bulkhead = new Bulkhead(2);
    const calls = [pending(), pending(), pending(), pending()];
    const started: number[] = [];
    const results = calls.map((call, i) =>
      bulkhead.run(async () => {
        started.push(i);
        await call.done;
        return i;
      }),
    );
    await flush();
    expect(started).toEqual([0, 1]);
    calls[1]?.release();
    await flush();
    expect(started).toEqual([0, 1, 2]);
    calls[0]?.release();
    await flush();
    expect(started).toEqual([0, 1, 2, 3]);
    calls[2]?.release();
    calls[3]?.release();
    await expect(Promise.all(results)).resolves.toEqual([0, 1, 2, 3]);
  });

  it('frees the slot of a call that fails, and passes its error on', async () => {
    const bulkhead = new Bulkhead(1);
    const first = pending();
    const failing = bulkhead.run(() => first.done);
    let secondStarted = false;
    const second = bulkhead.run(async () => {
      secondStarted = true;
    });
    await flush();
    expect(secondStarted).toBe(false);
    first.fail(new Error('database down'));
    await expect(failing).rejects.toThrow('database down');
    await second;
    expect(secondStarted).toBe(true);
    // nothing left in progress: the next call starts at once
    let thirdStarted = false;
    const third = bulkhead.run(async () => {
      thirdStarted = true;
    });
    expect(thirdStarted).toBe(true);
    await third;
  });
});
