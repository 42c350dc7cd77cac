import { describe, expect, it } from "vitest";
import { notifyBatcher } from "@/lib/market/notify-batcher";

function channel() {
  const sent: string[][] = [];
  const pending: (() => void)[] = [];
  const notify = notifyBatcher((payloads) => {
    sent.push(payloads);
    return new Promise<void>((resolve) => pending.push(resolve));
  });
  const finishOne = async () => {
    pending.shift()?.();
    await new Promise((r) => setImmediate(r));
  };
  return { sent, notify, finishOne };
}

describe("notify batcher", () => {
  it("sends the first payload at once and those emitted meanwhile together, in emit order", async () => {
    const c = channel();
    c.notify("a");
    expect(c.sent).toEqual([["a"]]);
    c.notify("b");
    c.notify("c");
    expect(c.sent).toEqual([["a"]]);
    await c.finishOne();
    expect(c.sent).toEqual([["a"], ["b", "c"]]);
    await c.finishOne();
    c.notify("d");
    expect(c.sent).toEqual([["a"], ["b", "c"], ["d"]]);
  });

  it("never puts one payload twice in a statement (PostgreSQL would deliver it once)", async () => {
    const c = channel();
    c.notify("a");
    c.notify("x");
    c.notify("y");
    c.notify("x");
    await c.finishOne();
    await c.finishOne();
    expect(c.sent).toEqual([["a"], ["x", "y"], ["x"]]);
  });

  it("goes on after a failed send", async () => {
    const sent: string[][] = [];
    const notify = notifyBatcher(async (p) => {
      sent.push(p);
      if (p[0] === "bad") throw new Error("down");
    });
    notify("bad");
    notify("next");
    await new Promise((r) => setTimeout(r, 10));
    expect(sent).toEqual([["bad"], ["next"]]);
  });
});
