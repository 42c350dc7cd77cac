import { describe, expect, it } from "vitest";
import { askBody, ticketBody, QUESTION_MAX } from "@/lib/support/support-schemas";

const issue = (r: { success: boolean; error?: { issues: { message: string }[] } }) => r.error?.issues[0]?.message;

describe("support request bodies", () => {
  it("accept plain questions, including a lone < or >", () => {
    expect(askBody.parse({ question: "  Is a SELL with stop < price an SL?  " })).toEqual({ question: "Is a SELL with stop < price an SL?" });
  });

  it("take text that quotes markup as it is (plain text, never interpreted)", () => {
    expect(askBody.parse({ question: "it shows <b>0</b>" })).toEqual({ question: "it shows <b>0</b>" });
    expect(ticketBody.parse({ subject: "<script>alert(1)</script>", message: 'what is <img src=x onerror="alert(1)">' })).toEqual({
      subject: "<script>alert(1)</script>",
      message: 'what is <img src=x onerror="alert(1)">',
    });
  });

  it("refuse over-length text in linear time, whatever it contains", () => {
    for (const hostile of ["<a".repeat(32_000), `<${" ".repeat(64_000)}x`, "a".repeat(64_000)]) {
      const t0 = performance.now();
      expect(issue(askBody.safeParse({ question: hostile }))).toBe(`must be at most ${QUESTION_MAX} characters`);
      expect(issue(ticketBody.safeParse({ subject: "x", message: hostile }))).toMatch(/must be at most/);
      expect(performance.now() - t0).toBeLessThan(100);
    }
  });

  it.each([
    [{ question: "" }, "must not be empty"],
    [{ question: "   " }, "must not be empty"],
    [{}, "must be text"],
    [{ question: 42 }, "must be text"],
    [{ question: "x".repeat(QUESTION_MAX + 1) }, `must be at most ${QUESTION_MAX} characters`],
  ])("reject %j: %s", (body, message) => {
    expect(issue(askBody.safeParse(body))).toBe(message);
  });

  it("require a subject and a message for tickets", () => {
    expect(ticketBody.safeParse({ subject: "Help", message: "My order vanished" }).success).toBe(true);
    expect(issue(ticketBody.safeParse({ subject: "", message: "x" }))).toBe("must not be empty");
  });
});
