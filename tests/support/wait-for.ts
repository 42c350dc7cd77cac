// Polls until a condition holds (integration tests observe an asynchronous worker through HTTP).
export async function waitFor<T>(probe: () => Promise<T | undefined | false>, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Waits until at least `room` ms are left in the current fixed window of `len` ms (the Binance limits' windows). */
export async function freshWindow(len: number, room: number): Promise<void> {
  const left = len - (Date.now() % len);
  if (left < room) await new Promise((r) => setTimeout(r, left + 50));
}
