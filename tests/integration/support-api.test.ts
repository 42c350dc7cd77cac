// Support and Learn through HTTP on a real server: the assistant's answers and its errors, tickets stored,
// mailed to SUPPORT_EMAIL and rate limited, and Learn progress per user.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/test-server";
import { apiClient, newUser, type Api } from "../support/api-client";
import { lastMailTo, queryDb } from "../support/db-query";

const SUPPORT = "helpdesk@compraventa.test";
let server: TestServer;
let api: Api;

beforeAll(async () => {
  server = await startTestServer({ SUPPORT_EMAIL: SUPPORT, RATE_LIMIT_TICKETS: "3" });
  api = apiClient(server.url);
});
afterAll(async () => server?.close());

interface Answer {
  answer: string;
  sources: { title: string; url: string }[];
  confident: boolean;
  offer_ticket: boolean;
  passages: { title: string; url: string; text: string }[];
}

describe("POST /api/support/ask", () => {
  it("answers a platform question with quoted passages and their sources", async () => {
    const r = await api<Answer>("POST", "/api/support/ask", { body: { question: "What is the difference between a stop loss and a take profit?" } });
    expect(r.status).toBe(200);
    expect(r.body.confident).toBe(true);
    expect(r.body.offer_ticket).toBe(false);
    expect(r.body.sources[0]?.url).toMatch(/^\/learn\/orders#/);
    expect(r.body.sources[0]?.title).toContain("Orders");
    expect(r.body.answer).toContain(r.body.passages[0]?.text ?? "missing");
  });

  it("says when it is not confident and offers a ticket", async () => {
    const r = await api<Answer>("POST", "/api/support/ask", { body: { question: "recipe for pancakes" } });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ confident: false, offer_ticket: true, sources: [] });
    expect(r.body.answer).toMatch(/ticket/);
  });

  it.each([
    ["an empty question", { question: "" }, 400, "must not be empty"],
    ["a blank question", { question: "   " }, 400, "must not be empty"],
    ["no question", {}, 400, "must be text"],
    ["a long question", { question: "why ".repeat(200) }, 400, "must be at most 500 characters"],
  ])("refuses %s with a clear error", async (_name, body, status, problem) => {
    const r = await api<{ code: string; message: string; details: Record<string, string> }>("POST", "/api/support/ask", { body });
    expect(r.status).toBe(status);
    expect(r.body).toMatchObject({ code: "VALIDATION_FAILED", details: { question: problem } });
    expect(r.body.message).toContain(problem);
  });

  it("refuses a huge body with 413 and malformed JSON with 400", async () => {
    const huge = await api("POST", "/api/support/ask", { body: { question: "x".repeat(100_000) } });
    expect(huge.status).toBe(413);
    expect(huge.body).toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    const bad = await api("POST", "/api/support/ask", { raw: '{"question": ' });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: "INVALID_JSON" });
  });
});

describe("POST /api/support/tickets", () => {
  it("needs a signed-in user", async () => {
    const r = await api("POST", "/api/support/tickets", { body: { subject: "Help", message: "Hello" } });
    expect(r.status).toBe(401);
  });

  it("stores the ticket and mails it to SUPPORT_EMAIL", async () => {
    const u = await newUser(api, "ticket");
    const r = await api<{ ticket_id: string; message: string }>("POST", "/api/support/tickets", {
      token: u.token,
      body: { subject: "My stop order\nvanished", message: "I placed a SELL stop on BTCUSDT and it is gone. Stop < price?" },
    });
    expect(r.status).toBe(201);
    expect(r.body.ticket_id).toEqual(expect.any(String));
    const rows = await queryDb<{ email: string; subject: string; message: string }>(server.db.url, `SELECT "email", "subject", "message" FROM "SupportTicket" WHERE "id" = ?`, [r.body.ticket_id]);
    expect(rows[0]).toMatchObject({ email: u.email, message: "I placed a SELL stop on BTCUSDT and it is gone. Stop < price?" });
    const mail = await lastMailTo(server.db.url, SUPPORT);
    expect(mail?.subject).toContain("My stop order vanished");
    expect(mail?.text).toContain(u.email);
    expect(mail?.text).toContain("Stop < price?");
  });

  it("validates subject and message", async () => {
    const u = await newUser(api, "ticketval");
    const r = await api<{ details: Record<string, string> }>("POST", "/api/support/tickets", { token: u.token, body: { subject: "", message: "x".repeat(5001) } });
    expect(r.status).toBe(400);
    expect(r.body.details).toMatchObject({ subject: "must not be empty", message: "must be at most 5000 characters" });
  });

  it("rate limits tickets per user with 429 and Retry-After", async () => {
    const u = await newUser(api, "ticketflood");
    const send = () => api("POST", "/api/support/tickets", { token: u.token, body: { subject: "Flood", message: "again" } });
    for (let i = 0; i < 3; i++) expect((await send()).status).toBe(201);
    const over = await send();
    expect(over.status).toBe(429);
    expect(over.body).toMatchObject({ code: "RATE_LIMITED" });
    expect(Number(over.headers.get("retry-after"))).toBeGreaterThan(0);
    const other = await newUser(api, "ticketother");
    expect((await api("POST", "/api/support/tickets", { token: other.token, body: { subject: "Mine", message: "fine" } })).status).toBe(201);
  });
});

describe("Learn progress", () => {
  interface Progress {
    articles: { slug: string; title: string; url: string; completed: boolean; completed_at: string | null }[];
    completed: number;
    total: number;
  }

  it("lists the articles, records completions per user, idempotently", async () => {
    const u = await newUser(api, "learner");
    const before = await api<Progress>("GET", "/api/learn", { token: u.token });
    expect(before.status).toBe(200);
    expect(before.body.total).toBeGreaterThanOrEqual(8);
    expect(before.body.completed).toBe(0);
    expect(before.body.articles[0]).toMatchObject({ slug: "what-is-crypto", url: "/learn/what-is-crypto", completed: false, completed_at: null });

    const done = await api<{ completed_at: string }>("POST", "/api/learn/orders/complete", { token: u.token });
    expect(done.status).toBe(200);
    const again = await api<{ completed_at: string }>("POST", "/api/learn/orders/complete", { token: u.token });
    expect(again.body.completed_at).toBe(done.body.completed_at);

    const after = await api<Progress>("GET", "/api/learn", { token: u.token });
    expect(after.body.completed).toBe(1);
    expect(after.body.articles.find((a) => a.slug === "orders")).toMatchObject({ completed: true, completed_at: done.body.completed_at });

    const other = await newUser(api, "learner2");
    expect((await api<Progress>("GET", "/api/learn", { token: other.token })).body.completed).toBe(0);
  });

  it("answers 404 for an unknown article and 401 without a token", async () => {
    const u = await newUser(api, "learner3");
    const r = await api("POST", "/api/learn/no-such-article/complete", { token: u.token });
    expect(r.status).toBe(404);
    expect(r.body).toMatchObject({ code: "NOT_FOUND" });
    expect((await api("GET", "/api/learn")).status).toBe(401);
    expect((await api("POST", "/api/learn/orders/complete")).status).toBe(401);
  });
});
