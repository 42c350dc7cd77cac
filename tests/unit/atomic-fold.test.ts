// Which guarded steps share one PostgreSQL statement, and the statement they become.
import { describe, expect, it } from "vitest";
import { foldedGroups, foldStatement, guardOf } from "@/lib/atomic-fold";

const step = (name: string, fold?: { row?: string }, params: unknown[] = []) => ({ name, fold, params });
const names = (groups: { name: string }[][]) => groups.map((g) => g.map((s) => s.name));

describe("foldedGroups", () => {
  it("folds consecutive folded steps and leaves an unfolded step alone", () => {
    const g = foldedGroups([step("a", { row: "B u1 BTC" }), step("b", {}), step("c"), step("d", {}), step("e", { row: "O 1" })]);
    expect(names(g)).toEqual([["a", "b"], ["c"], ["d", "e"]]);
  });

  it("cuts a run where a step names a row already changed in it", () => {
    const g = foldedGroups([step("a", { row: "B u1 BTC" }), step("b", { row: "B u1 USDT" }), step("c", { row: "B u1 BTC" }), step("d", {})]);
    expect(names(g)).toEqual([["a", "b"], ["c", "d"]]);
  });

  it("keeps a statement under the parameter limit", () => {
    const many = Array.from({ length: 5 }, (_, i) => step(`s${i}`, {}, new Array(10_000).fill(0)));
    expect(foldedGroups(many).map((g) => g.length)).toEqual([3, 2]);
  });
});

describe("foldStatement", () => {
  it("numbers the placeholders across the steps and checks the guards in step order", () => {
    const { sql, params } = foldStatement([
      { sql: `UPDATE "B" SET "f" = "f" - ? WHERE "id" = ? AND "f" >= ?`, params: [1, "x", 1], expect: 1 },
      { sql: `INSERT INTO "L" ("a") VALUES (?) RETURNING "id"`, params: [2], row: true },
    ]);
    expect(params).toEqual([1, "x", 1, 2]);
    expect(sql).toContain(`s0 AS (UPDATE "B" SET "f" = "f" - $1 WHERE "id" = $2 AND "f" >= $3 RETURNING 1)`);
    expect(sql).toContain(`s1 AS (INSERT INTO "L" ("a") VALUES ($4) RETURNING "id")`);
    expect(sql).toContain(`(SELECT to_jsonb(s1) FROM s1 LIMIT 1) AS r1`);
    expect(sql.indexOf("WHEN n0 <> 1")).toBeLessThan(sql.indexOf("WHEN n1 < 0"));
  });

  it("counts the rows a SELECT step (rows locked FOR UPDATE) returns, as it is", () => {
    const { sql } = foldStatement([{ sql: `SELECT "id" FROM "O" WHERE "id" IN (?,?) ORDER BY "id" FOR UPDATE`, params: ["a", "b"] }]);
    expect(sql).toContain(`s0 AS (SELECT "id" FROM "O" WHERE "id" IN ($1,$2) ORDER BY "id" FOR UPDATE)`);
    expect(sql).toContain(`(SELECT count(*) FROM s0) AS n0`);
  });

  it("takes a read-only guard as it is: a SELECT counts the rows it returns", () => {
    const { sql } = foldStatement([
      { sql: `SELECT 1 AS "ok" WHERE (SELECT COUNT(*) FROM "O" WHERE "u" = ?) < ?`, params: ["u1", 3], expect: 1 },
      { sql: `INSERT INTO "O" ("u") VALUES (?)`, params: ["u1"] },
    ]);
    expect(sql).toContain(`s0 AS (SELECT 1 AS "ok" WHERE (SELECT COUNT(*) FROM "O" WHERE "u" = $1) < $2)`);
    expect(sql).toContain(`s1 AS (INSERT INTO "O" ("u") VALUES ($3) RETURNING 1)`);
  });

  it("refuses a step whose placeholders do not match its parameters", () => {
    expect(() => foldStatement([{ sql: `UPDATE "B" SET "f" = ?`, params: [] }])).toThrow(/placeholders/);
  });

  it("builds the text of a shape once and gives each call its own parameters", () => {
    const steps = (n: number, expect?: number) => [
      { sql: `UPDATE "B" SET "f" = "f" - ? WHERE "id" = ?`, params: [n, "x"], expect },
      { sql: `INSERT INTO "L" ("a") VALUES (?)`, params: [n] },
    ];
    const a = foldStatement(steps(1, 1));
    const b = foldStatement(steps(2, 1));
    expect(b.sql).toBe(a.sql);
    expect(a.params).toEqual([1, "x", 1]);
    expect(b.params).toEqual([2, "x", 2]);
    // another guard is another shape: its own text
    const c = foldStatement(steps(3));
    expect(c.sql).not.toBe(a.sql);
    expect(c.sql).toContain("WHEN n0 < 0");
    // a known text with the wrong number of parameters is still refused
    expect(() => foldStatement([{ sql: `UPDATE "B" SET "f" = "f" - ? WHERE "id" = ?`, params: [1] }])).toThrow(/placeholders/);
  });
});

describe("guardOf", () => {
  it("reads the failed step from PostgreSQL's cast error and ignores other errors", () => {
    const e = Object.assign(new Error('invalid input syntax for type integer: "atomic guard 3: 0"'), { code: "22P02" });
    expect(guardOf(e)).toBe(3);
    expect(guardOf(Object.assign(new Error("duplicate key"), { code: "23505" }))).toBeNull();
    expect(guardOf("nope")).toBeNull();
  });
});
