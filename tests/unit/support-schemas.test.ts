import { describe, expect, it } from "vitest";
import { askBody, ticketBody, QUESTION_MAX } from "@/lib/support/support-schemas";

const issue = (r: { success: boolean; error?: { issues: { message: string }[] } }) => r.error?.issues[0]?.message;

describe("support request bodies", () => {
  it("accept plain questions, including a lone < or >", () => {
    expect(askBody.parse({ question: "  Is a SELL with stop < price an SL?  " })).toEqual({ question: "Is a SELL with stop < price an SL?" });
  });

  it.each([
    [{ question: "" }, "must not be empty"],
    [{ question: "   " }, "must not be empty"],
    [{}, "must be text"],
    [{ question: 42 }, "must be text"],
    [{ question: "x".repeat(QUESTION_MAX + 1) }, `must be at most ${QUESTION_MAX} characters`],
    [{ question: "<script>alert(1)</script>" }, "must be plain text, without HTML tags"],
    [{ question: 'what is <img src=x onerror="alert(1)"> this' }, "must be plain text, without HTML tags"],
    [{ question: "hi <b>there</b>" }, "must be plain text, without HTML tags"],
  ])("reject %j: %s", (body, message) => {
    expect(issue(askBody.safeParse(body))).toBe(message);
  });

  it("require a subject and a message for tickets", () => {
    expect(ticketBody.safeParse({ subject: "Help", message: "My order vanished" }).success).toBe(true);
    expect(issue(ticketBody.safeParse({ subject: "", message: "x" }))).toBe("must not be empty");
    expect(issue(ticketBody.safeParse({ subject: "x", message: "<iframe src=//evil>" }))).toBe("must be plain text, without HTML tags");
  });
});
