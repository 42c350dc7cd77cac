import { describe, expect, it } from "vitest";
import { notifyBatcher } from "@/lib/market/notify-batcher";

function channel(waitMs = 0) {
  const sent: string[][] = [];
  const pending: ((ok: boolean) => void)[] = [];
  const notify = notifyBatcher(
    (payloads) => {
      sent.push(payloads);
      return new Promise<boolean>((resolve) => pending.push(resolve));
    },
    { waitMs },
  );
  const finishOne = async (ok = true) => {
    pending.shift()?.(ok);
    await new Promise((r) => setImmediate(r));
  };
  return { sent, notify, finishOne };
}

describe("notify batcher", () => {
  it("sends the first payload at once and those emitted meanwhile together, in emit order", async () => {
    const c = channel();
    void c.notify("a");
    expect(c.sent).toEqual([["a"]]);
    void c.notify("b");
    void c.notify("c");
    expect(c.sent).toEqual([["a"]]);
    await c.finishOne();
    expect(c.sent).toEqual([["a"], ["b", "c"]]);
    await c.finishOne();
    void c.notify("d");
    expect(c.sent).toEqual([["a"], ["b", "c"], ["d"]]);
  });

  it("never puts one payload twice in a statement (PostgreSQL would deliver it once)", async () => {
    const c = channel();
    for (const p of ["a", "x", "y", "x"]) void c.notify(p);
    await c.finishOne();
    await c.finishOne();
    expect(c.sent).toEqual([["a"], ["x", "y"], ["x"]]);
  });

  it("tells each payload whether its statement was sent, and goes on after a failed or thrown send", async () => {
    const c = channel();
    const a = c.notify("a");
    const b = c.notify("b");
    const d = c.notify("d");
    await c.finishOne(true);
    await c.finishOne(false);
    expect(await a).toBe(true);
    expect([await b, await d]).toEqual([false, false]);
    const thrown = notifyBatcher(async (p) => {
      if (p[0] === "bad") throw new Error("down");
      return true;
    });
    expect(await Promise.all([thrown("bad"), thrown("next")])).toEqual([false, true]);
  });

  it("with waitMs, holds a batch that long after its first payload, so that the events of one burst share it", async () => {
    const c = channel(30);
    void c.notify("a");
    void c.notify("b");
    expect(c.sent).toEqual([]);
    await new Promise((r) => setTimeout(r, 60));
    expect(c.sent).toEqual([["a", "b"]]);
    // a batch that waited out its time behind a slow statement goes as soon as that returns
    void c.notify("c");
    await new Promise((r) => setTimeout(r, 60));
    expect(c.sent).toEqual([["a", "b"]]);
    await c.finishOne();
    expect(c.sent).toEqual([["a", "b"], ["c"]]);
  });
});
