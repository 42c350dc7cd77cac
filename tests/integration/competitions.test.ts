// Competitions end to end over HTTP: create, list, see, edit before the start, join (public, by code,
// twice), every rule the engine enforces in a competition's portfolio, removing a participant, ending early,
// frozen standings, and orders racing the end at ends_at (none fills after it, locks and ledger consistent).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/test-server";
import { apiClient, type Api } from "../support/api-client";
import { ledgerMismatches, queryDb } from "../support/db-query";
import { keepMarketLive, tradeAt } from "../support/market-moves";
import { waitFor } from "../support/wait-for";
import { binanceClient } from "../support/binance-signer";

let server: TestServer;
let api: Api;

beforeAll(async () => {
  server = await startTestServer();
  api = apiClient(server.url);
});
afterAll(async () => server?.close());
beforeEach(async () => {
  await tradeAt(server, api, "BTCUSDT", "90000");
  await tradeAt(server, api, "ETHUSDT", "3000");
});

type Competition = Record<string, unknown> & { id: string; invite_code?: string; status: string; my_portfolio_id: string | null; participants: number };
type Row = { rank: number; name: string; value: number; return_pct: number; max_drawdown_pct: number; sharpe: number | null; trades: number; mine?: true; participant_id?: string };
type Board = { final: boolean; standings: Row[]; me: Row | null };
type Order = Record<string, unknown> & { order_id: string; status: string; fee: number };

let n = 0;
async function person(name: string): Promise<string> {
  const email = `comp${Date.now()}${++n}@example.com`;
  const password = "correct horse battery";
  const reg = await api("POST", "/api/register", { body: { email, password, name, age: 30, country: "ES", PhoneNo: "+34 600 000 000" } });
  if (reg.status !== 201) throw new Error(`register failed: ${reg.text}`);
  return (await api<{ access_token: string }>("POST", "/api/login", { body: { email, password } })).body.access_token;
}

const iso = (ms: number) => new Date(ms).toISOString();
const create = (token: string, body: Record<string, unknown>) =>
  api<Competition>("POST", "/api/competitions", {
    token,
    body: { name: "Class 4B", starts_at: iso(Date.now() - 1000), ends_at: iso(Date.now() + 3600_000), starting_balance: 10000, visibility: "public", ...body },
  });
const join = (token: string, id: string, body: Record<string, unknown> = {}) => api<{ portfolio_id: string }>("POST", `/api/competitions/${id}/join`, { token, body });
const board = async (token: string, id: string) => (await api<Board>("GET", `/api/competitions/${id}/leaderboard`, { token })).body;
const place = (token: string, portfolio: string, body: Record<string, unknown>) =>
  api<Order>("POST", "/api/orders", { token, body: { symbol: "BTCUSDT", ...body }, headers: { "X-Portfolio": portfolio } });
const order = async (token: string, portfolio: string, id: string) => (await api<Order>("GET", `/api/orders/${id}`, { token, headers: { "X-Portfolio": portfolio } })).body;
const wallet = async (token: string, portfolio: string) =>
  (await api<{ balance: Record<string, number>; fixed_balance: Record<string, number> }>("GET", "/api/wallet", { token, headers: { "X-Portfolio": portfolio } })).body;

describe("creating, seeing and editing competitions", () => {
  it("creates one, lists it for everyone, shows the code to the organiser only, and edits it before the start", async () => {
    const org = await person("Ms Organiser");
    const other = await person("Someone Else");
    const startsAt = Date.now() + 3600_000;
    const r = await create(org, { starts_at: iso(startsAt), ends_at: iso(startsAt + 86_400_000), pairs: ["BTCUSDT", "ethusdt"], fee_rate: 0.002 });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      name: "Class 4B", visibility: "public", starts_at: iso(startsAt), ends_at: iso(startsAt + 86_400_000), starting_balance: 10000,
      pairs: ["BTCUSDT", "ETHUSDT"], fee_rate: 0.002, allow_reset: false, status: "scheduled", organiser: "Ms Organiser",
      is_organiser: true, participants: 0, my_portfolio_id: null,
    });
    expect(r.body.invite_code).toMatch(/^[A-Z0-9]{8}$/);
    const id = r.body.id;

    const seen = await api<Competition>("GET", `/api/competitions/${id}`, { token: other });
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ id, is_organiser: false, organiser: "Ms Organiser" });
    expect(seen.body.invite_code).toBeUndefined();
    const list = await api<{ competitions: Competition[] }>("GET", "/api/competitions", { token: other });
    expect(list.body.competitions.map((c) => c.id)).toContain(id);
    const byCode = await api<Competition>("GET", `/api/competitions/by-code/${r.body.invite_code!.toLowerCase()}`, { token: other });
    expect(byCode.status).toBe(200);
    expect(byCode.body.id).toBe(id);
    expect((await api("GET", "/api/competitions/by-code/NOSUCHCODE", { token: other })).body).toMatchObject({ code: "COMPETITION_NOT_FOUND" });
    expect((await api("GET", "/api/competitions", {})).status).toBe(401);

    expect((await api("PATCH", `/api/competitions/${id}`, { token: other, body: { name: "Mine now" } })).status).toBe(403);
    const edit = await api<Competition>("PATCH", `/api/competitions/${id}`, { token: org, body: { name: "Class 4B, spring", pairs: null, allow_reset: true, starting_balance: 20000 } });
    expect(edit.status).toBe(200);
    expect(edit.body).toMatchObject({ name: "Class 4B, spring", pairs: null, allow_reset: true, starting_balance: 20000, fee_rate: 0.002 });
    const bad = await api("PATCH", `/api/competitions/${id}`, { token: org, body: { ends_at: iso(startsAt - 1000) } });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: "VALIDATION_FAILED" });
    expect(Object.keys((bad.body as { details?: object }).details ?? {})).toContain("ends_at");

    // once someone joined, the starting balance is theirs: it no longer changes
    expect((await join(other, id)).status).toBe(201);
    const fixed = await api("PATCH", `/api/competitions/${id}`, { token: org, body: { starting_balance: 5000 } });
    expect(fixed.status).toBe(422);
    expect(fixed.body).toMatchObject({ code: "BUSINESS_RULE" });
    // a new name is the name of the participants' portfolios too
    expect((await api("PATCH", `/api/competitions/${id}`, { token: org, body: { name: "Class 4B, summer" } })).status).toBe(200);
    const mine = (await api<{ portfolios: { competition_id: string | null; name: string }[] }>("GET", "/api/portfolios", { token: other })).body.portfolios;
    expect(mine.filter((p) => p.competition_id === id).map((p) => p.name)).toEqual(["Class 4B, summer"]);
  });

  it("joins racing a rename: every participant's portfolio ends with the new name", async () => {
    const org = await person("Organiser Rename");
    const startsAt = Date.now() + 3600_000;
    const id = (await create(org, { starts_at: iso(startsAt), ends_at: iso(startsAt + 86_400_000) })).body.id;
    const people = await Promise.all(Array.from({ length: 8 }, (_, i) => person(`Joiner ${i}`)));
    const [rename, ...joins] = await Promise.all([
      api("PATCH", `/api/competitions/${id}`, { token: org, body: { name: "Class 4B, renamed" } }),
      ...people.map((t) => join(t, id)),
    ]);
    expect(rename.status).toBe(200);
    expect(joins.map((j) => j.status)).toEqual(people.map(() => 201));
    const names = await queryDb<{ name: string }>(server.db.url, `SELECT "name" FROM "Portfolio" WHERE "competitionId" = ?`, [id]);
    expect(names.map((r) => r.name)).toEqual(people.map(() => "Class 4B, renamed"));
  });

  it("joins racing a change of the starting balance: every participant holds the balance the competition says", async () => {
    for (let round = 0; round < 3; round++) {
      const org = await person(`Organiser Balance ${round}`);
      const startsAt = Date.now() + 3600_000;
      const id = (await create(org, { starts_at: iso(startsAt), ends_at: iso(startsAt + 86_400_000) })).body.id;
      const people = await Promise.all(Array.from({ length: 6 }, (_, i) => person(`Balance Joiner ${round}.${i}`)));
      const [edit, ...joins] = await Promise.all([
        api("PATCH", `/api/competitions/${id}`, { token: org, body: { starting_balance: 20000 } }),
        ...people.map((t) => join(t, id)),
      ]);
      // the change wins only if no one had joined yet; a join never fails for it
      expect([200, 422]).toContain(edit.status);
      expect(joins.map((j) => j.status)).toEqual(people.map(() => 201));
      const said = (await api<Competition>("GET", `/api/competitions/${id}`, { token: org })).body.starting_balance;
      expect(said).toBe(edit.status === 200 ? 20000 : 10000);
      const held = await queryDb<{ free: string }>(
        server.db.url,
        `SELECT b."free" AS "free" FROM "Balance" b JOIN "Portfolio" p ON p."id" = b."portfolioId" WHERE p."competitionId" = ? AND b."coin" = 'USDT'`,
        [id],
      );
      expect(held.map((r) => Number(r.free) / 1e8)).toEqual(people.map(() => said));
    }
  });

  it("refuses bad rules with 400 and the field", async () => {
    const org = await person("Strict");
    const cases: [Record<string, unknown>, string][] = [
      [{ ends_at: iso(Date.now() - 5000), starts_at: iso(Date.now() - 10_000) }, "ends_at"],
      [{ starts_at: iso(Date.now() + 5000), ends_at: iso(Date.now() + 1000) }, "ends_at"],
      [{ pairs: ["DOGEUSDT"] }, "pairs.0"],
      [{ pairs: [] }, "pairs"],
      [{ fee_rate: 0.5 }, "fee_rate"],
      [{ starting_balance: -1 }, "starting_balance"],
      [{ visibility: "secret" }, "visibility"],
      [{ starts_at: "tomorrow" }, "starts_at"],
      [{ name: "" }, "name"],
    ];
    for (const [body, field] of cases) {
      const r = await create(org, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(Object.keys((r.body as { details?: object }).details ?? {}), JSON.stringify(body)).toContain(field);
    }
  });

  it("an invite-only competition is seen and joined with its code only; joining twice is 409", async () => {
    const org = await person("Teacher");
    const pupil = await person("Pupil");
    const stranger = await person("Stranger");
    const c = (await create(org, { visibility: "invite" })).body;
    expect((await api("GET", `/api/competitions/${c.id}`, { token: stranger })).status).toBe(404);
    expect((await api<{ competitions: Competition[] }>("GET", "/api/competitions", { token: stranger })).body.competitions.map((x) => x.id)).not.toContain(c.id);
    expect((await join(pupil, c.id)).body).toMatchObject({ code: "COMPETITION_NOT_FOUND" });
    expect((await join(pupil, c.id, { invite_code: "WRONGONE" })).status).toBe(404);
    const ok = await join(pupil, c.id, { invite_code: c.invite_code!.toLowerCase() });
    expect(ok.status).toBe(201);
    expect(typeof ok.body.portfolio_id).toBe("string");
    const again = await join(pupil, c.id, { invite_code: c.invite_code });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: "CONFLICT" });
    // the pupil now sees it, with its code and their portfolio
    const seen = (await api<Competition>("GET", `/api/competitions/${c.id}`, { token: pupil })).body;
    expect(seen).toMatchObject({ participants: 1, my_portfolio_id: ok.body.portfolio_id, invite_code: c.invite_code });
    const mine = await api<{ competitions: Competition[] }>("GET", "/api/competitions", { token: pupil });
    expect(mine.body.competitions.map((x) => x.id)).toContain(c.id);
    // a fresh portfolio with the competition's balance; the main one is untouched
    expect((await wallet(pupil, ok.body.portfolio_id)).balance).toMatchObject({ USDT: 10000, BTC: 0 });
    expect((await wallet(pupil, "main")).balance).toMatchObject({ USDT: 50000 });
    // concurrent double joins: one wins
    const racer = await person("Racer");
    const both = await Promise.all([join(racer, c.id, { invite_code: c.invite_code }), join(racer, c.id, { invite_code: c.invite_code })]);
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
  });
});

describe("the rules in a competition's portfolio", () => {
  it("no orders before the start; only its pairs; its fee on every fill; no reset; a removed participant is out", async () => {
    const org = await person("Organiser Two");
    const later = (await create(org, { starts_at: iso(Date.now() + 3600_000), ends_at: iso(Date.now() + 7200_000) })).body;
    const early = await person("Early Bird");
    const p0 = (await join(early, later.id)).body.portfolio_id;
    const before = await place(early, p0, { side: "BUY", type: "MARKET", amount: 0.01 });
    expect(before.status).toBe(422);
    expect(before.body).toMatchObject({ code: "COMPETITION_NOT_RUNNING" });

    const c = (await create(org, { pairs: ["BTCUSDT"], fee_rate: 0.002 })).body;
    expect(c.status).toBe("running");
    const alice = await person("Alice");
    const carl = await person("Carl");
    const pa = (await join(alice, c.id)).body.portfolio_id;
    const pc = (await join(carl, c.id)).body.portfolio_id;

    const eth = await place(alice, pa, { symbol: "ETHUSDT", side: "BUY", type: "MARKET", amount: 0.1 });
    expect(eth.status).toBe(422);
    expect(eth.body).toMatchObject({ code: "PAIR_NOT_ALLOWED" });
    // 0.01 BTC at 90000 = 900 USDT, fee 0.2 % = 1.8 (the platform's is 0.1 %)
    const buy = await place(alice, pa, { side: "BUY", type: "MARKET", amount: 0.01 });
    expect(buy.status).toBe(201);
    expect(buy.body).toMatchObject({ status: "FILLED", fill_price: 90000, fee: 1.8 });
    // a resting limit filled later by the worker pays the same rate: 890 × 0.002 = 1.78
    const limit = await place(alice, pa, { side: "BUY", type: "LIMIT", amount: 0.01, price: 89000 });
    expect(limit.body.status).toBe("NEW");
    await tradeAt(server, api, "BTCUSDT", "88500");
    await waitFor(async () => (await order(alice, pa, limit.body.order_id)).status === "FILLED", "the limit filled");
    expect(await order(alice, pa, limit.body.order_id)).toMatchObject({ fill_price: 89000, fee: 1.78 });
    // the main portfolio trades under the platform's rules meanwhile
    expect((await place(alice, "main", { symbol: "ETHUSDT", side: "BUY", type: "MARKET", amount: 0.1 })).status).toBe(201);

    const reset = await api("PUT", "/api/reset", { token: alice, headers: { "X-Portfolio": pa } });
    expect(reset.status).toBe(422);
    expect(reset.body).toMatchObject({ code: "RESET_NOT_ALLOWED" });

    // Carl rests an order, then the organiser removes him: the order is cancelled, its lock returned
    const resting = await place(carl, pc, { side: "BUY", type: "LIMIT", amount: 0.01, price: 80000 });
    expect(resting.body.status).toBe("NEW");
    const before2 = await board(org, c.id);
    const carlRow = before2.standings.find((r) => r.name === "Carl");
    expect(carlRow?.participant_id).toBe(pc);
    expect((await board(alice, c.id)).standings.every((r) => r.participant_id === undefined)).toBe(true);
    expect((await api("DELETE", `/api/competitions/${c.id}/participants/${pc}`, { token: alice })).status).toBe(403);
    const removed = await api("DELETE", `/api/competitions/${c.id}/participants/${pc}`, { token: org });
    expect(removed.status).toBe(200);
    expect((await api("DELETE", `/api/competitions/${c.id}/participants/${pc}`, { token: org })).status).toBe(404);
    expect((await order(carl, pc, resting.body.order_id)).status).toBe("CANCELED");
    expect((await wallet(carl, pc)).fixed_balance.USDT).toBe(0);
    const out = await place(carl, pc, { side: "BUY", type: "MARKET", amount: 0.01 });
    expect(out.status).toBe(422);
    expect(out.body).toMatchObject({ code: "PARTICIPANT_REMOVED" });
    expect((await board(org, c.id)).standings.map((r) => r.name)).toEqual(["Alice"]);
    expect(await ledgerMismatches(server.db.url)).toEqual([]);
  });

  it("an API key bound to a competition's portfolio is told the competition's fee, a main key the platform's", async () => {
    const org = await person("Organiser Fees");
    const c = (await create(org, { fee_rate: 0.0025 })).body;
    const bot = await person("Bot Owner");
    const pb = (await join(bot, c.id)).body.portfolio_id;
    const keyOf = async (portfolio_id?: string) =>
      (await api<{ apiKey: string; secretKey: string }>("POST", "/api/keys", { token: bot, body: { label: "fees", permissions: ["READ", "TRADE"], ...(portfolio_id ? { portfolio_id } : {}) } })).body;
    const bn = binanceClient(server.url);
    const rates = async (key: { apiKey: string; secretKey: string }) => {
      const account = (await bn<Record<string, unknown>>("GET", "/api/v3/account", {}, { key })).body;
      const commission = (await bn<Record<string, unknown>>("GET", "/api/v3/account/commission", { symbol: "BTCUSDT" }, { key })).body;
      const tradeFee = (await bn<Record<string, unknown>[]>("GET", "/sapi/v1/asset/tradeFee", { symbol: "BTCUSDT" }, { key })).body;
      const test = (await bn<Record<string, unknown>>("POST", "/api/v3/order/test", { symbol: "BTCUSDT", side: "BUY", type: "MARKET", quantity: "0.01", computeCommissionRates: "true" }, { key })).body;
      return [account.takerCommission, account.commissionRates, commission.standardCommission, tradeFee[0], test.standardCommissionForOrder];
    };
    expect(await rates(await keyOf(pb))).toEqual([
      25,
      { maker: "0.00250000", taker: "0.00250000", buyer: "0.00000000", seller: "0.00000000" },
      { maker: "0.00250000", taker: "0.00250000", buyer: "0.00000000", seller: "0.00000000" },
      { symbol: "BTCUSDT", makerCommission: "0.00250000", takerCommission: "0.00250000" },
      { maker: "0.00250000", taker: "0.00250000" },
    ]);
    expect((await rates(await keyOf()))[1]).toEqual({ maker: "0.00100000", taker: "0.00100000", buyer: "0.00000000", seller: "0.00000000" });
  });
});

describe("standings and the end", () => {
  it("ranks by return from live values, ends early with open orders cancelled, then answers the frozen standings", async () => {
    const org = await person("Judge");
    const c = (await create(org, { starting_balance: 10000 })).body;
    const bob = await person("Bob");
    const dora = await person("Dora");
    const eve = await person("Eve");
    const pb = (await join(bob, c.id)).body.portfolio_id;
    const pd = (await join(dora, c.id)).body.portfolio_id;
    expect((await join(eve, c.id)).status).toBe(201);
    // The worker's first round (within a second of the start) records the start; the next is 5 minutes away.
    // Waiting for it keeps the values after the buys out of the recorded series (they would be a drawdown).
    await waitFor(async () => (await queryDb<{ standings: unknown }>(server.db.url, `SELECT "standings" FROM "Competition" WHERE "id" = ?`, [c.id]))[0]?.standings != null, "the first competition round");
    // Bob buys 0.01 BTC at 90000 (900 + fee 0.9), Dora 0.1 BTC (9000 + fee 9); Eve holds her USDT
    expect((await place(bob, pb, { side: "BUY", type: "MARKET", amount: 0.01 })).status).toBe(201);
    expect((await place(dora, pd, { side: "BUY", type: "MARKET", amount: 0.1 })).status).toBe(201);
    let b = await board(bob, c.id);
    expect(b.final).toBe(false);
    // at 90000: Eve 10000 (0 %), Bob 9999.1 (-0.009 %), Dora 9991 (-0.09 %)
    expect(b.standings.map((r) => [r.rank, r.name, r.value, r.return_pct, r.trades])).toEqual([
      [1, "Eve", 10000, 0, 0],
      [2, "Bob", 9999.1, -0.009, 1],
      [3, "Dora", 9991, -0.09, 1],
    ]);
    expect(b.me).toMatchObject({ name: "Bob", rank: 2, mine: true });
    expect(b.standings.filter((r) => r.mine).map((r) => r.name)).toEqual(["Bob"]);

    // BTC to 99000: Dora 1000 + 0.1 × 99000 = 10891 (+8.91 %), Bob 9099.1 + 990 = 10089.1 (+0.891 %)
    await tradeAt(server, api, "BTCUSDT", "99000");
    b = await board(dora, c.id);
    expect(b.standings.map((r) => [r.name, r.value, r.return_pct, r.max_drawdown_pct])).toEqual([
      ["Dora", 10891, 8.91, 0],
      ["Bob", 10089.1, 0.891, 0],
      ["Eve", 10000, 0, 0],
    ]);
    // Bob rests a limit: the end cancels it and returns its lock
    const rest = await place(bob, pb, { side: "BUY", type: "LIMIT", amount: 0.01, price: 80000 });
    expect(rest.body.status).toBe("NEW");

    expect((await api("POST", `/api/competitions/${c.id}/end`, { token: bob })).status).toBe(403);
    const ended = await api<Competition>("POST", `/api/competitions/${c.id}/end`, { token: org });
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({ status: "ended" });
    expect((await order(bob, pb, rest.body.order_id)).status).toBe("CANCELED");
    expect((await wallet(bob, pb)).fixed_balance.USDT).toBe(0);
    const final = await board(eve, c.id);
    expect(final.final).toBe(true);
    expect(final.standings.map((r) => [r.rank, r.name, r.value, r.return_pct])).toEqual([
      [1, "Dora", 10891, 8.91],
      [2, "Bob", 10089.1, 0.891],
      [3, "Eve", 10000, 0],
    ]);
    expect(final.me).toMatchObject({ name: "Eve", mine: true });

    // after the end: no order, no join, no second end; the standings stay as they were
    const late = await place(dora, pd, { side: "SELL", type: "MARKET", amount: 0.1 });
    expect(late.status).toBe(422);
    expect(late.body).toMatchObject({ code: "COMPETITION_NOT_RUNNING" });
    expect((await join(await person("Latecomer"), c.id)).body).toMatchObject({ code: "COMPETITION_NOT_RUNNING" });
    expect((await api("POST", `/api/competitions/${c.id}/end`, { token: org })).body).toMatchObject({ code: "COMPETITION_NOT_RUNNING" });
    await tradeAt(server, api, "BTCUSDT", "50000");
    expect((await board(eve, c.id)).standings.map((r) => r.value)).toEqual([10891, 10089.1, 10000]);

    // everyone's curve from the starting balance at the start to the final snapshot at the end
    const eq = await api<{ series: { name: string; mine?: true; points: { t: number; value: number }[] }[] }>("GET", `/api/competitions/${c.id}/equity`, { token: dora });
    expect(eq.status).toBe(200);
    const doraSeries = eq.body.series.find((s) => s.name === "Dora")!;
    expect(doraSeries.mine).toBe(true);
    expect(doraSeries.points[0]).toEqual({ t: Date.parse(String(c.starts_at)), value: 10000 });
    expect(doraSeries.points.at(-1)?.value).toBe(10891);
    expect(eq.body.series.filter((s) => s.mine)).toHaveLength(1);
    expect(await ledgerMismatches(server.db.url)).toEqual([]);
  });
});

describe("orders racing the end", () => {
  it("at ends_at: nothing fills after it, open orders end cancelled or expired, locks released, ledger consistent", async () => {
    const org = await person("Race Marshal");
    const endsAt = Date.now() + 2500;
    const c = (await create(org, { ends_at: iso(endsAt) })).body;
    const racers = await Promise.all([person("Racer A"), person("Racer B")]);
    const ports = await Promise.all(racers.map(async (t) => (await join(t, c.id)).body.portfolio_id));
    const live = keepMarketLive(server, "BTCUSDT", "90000", 200);
    try {
      // 20 orders fired from 1 s before to 1 s after ends_at: market buys, and limits that the price will cross
      const delay = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));
      const fired = await Promise.all(
        Array.from({ length: 20 }, async (_, i) => {
          await delay(endsAt - 1000 + i * 100 - Date.now());
          const k = i % 2;
          const body = i % 4 < 2 ? { side: "BUY", type: "MARKET", amount: 0.001 } : { side: "BUY", type: "LIMIT", amount: 0.001, price: 89000 };
          return place(racers[k]!, ports[k]!, body);
        }),
      );
      for (const r of fired) expect([201, 422]).toContain(r.status);
      expect(fired.filter((r) => r.status === 422).every((r) => (r.body as unknown as { code: string }).code === "COMPETITION_NOT_RUNNING")).toBe(true);
      // some were in time and some too late
      expect(fired.some((r) => r.status === 201)).toBe(true);
      expect(fired.some((r) => r.status === 422)).toBe(true);
      // the price crosses every limit after the end: none of them may fill
      live.set("88000");
      await waitFor(async () => (await board(org, c.id)).final, "the frozen standings", 15_000);
      await delay(600);
    } finally {
      live.stop();
    }
    const rows = await queryDb<{ status: string; closedAt: unknown; updatedAt: unknown; createdAt: unknown }>(
      server.db.url,
      `SELECT "status", "closedAt", "updatedAt", "createdAt" FROM "Order" WHERE "portfolioId" IN (?, ?)`,
      ports,
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const o of rows) {
      expect(["FILLED", "CANCELLED", "EXPIRED"]).toContain(o.status);
      if (o.status === "FILLED") expect(Number(o.closedAt)).toBeLessThan(endsAt);
      expect(Number(o.createdAt)).toBeLessThan(endsAt);
    }
    expect(rows.some((o) => o.status !== "FILLED")).toBe(true);
    const locked = await queryDb<{ locked: unknown }>(server.db.url, `SELECT "locked" FROM "Balance" WHERE "portfolioId" IN (?, ?)`, ports);
    expect(locked.every((b) => BigInt(String(b.locked)) === 0n)).toBe(true);
    expect(await ledgerMismatches(server.db.url)).toEqual([]);
    const comp = await queryDb<{ endedAt: unknown }>(server.db.url, `SELECT "endedAt" FROM "Competition" WHERE "id" = ?`, [c.id]);
    expect(Number(comp[0]!.endedAt)).toBe(endsAt);
  });
});
