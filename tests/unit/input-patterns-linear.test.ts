// Every pattern that runs over text from outside (request bodies and queries, feed text) is fed adversarial
// inputs of 64 KB and more, shaped against it (long runs, repeated openers that never close), and must finish
// in well under a second. The super-linear ones took seconds to minutes on these inputs.
import { describe, expect, it } from "vitest";
import { htmlToPlainText } from "@/lib/news/plain-text";
import { normaliseEntry } from "@/lib/news/normalise-entry";
import { sourceName } from "@/lib/news/source-name";
import { tagCoins } from "@/lib/news/tag-coins";
import { newsQuery } from "@/lib/news/news-query";
import { parsePositiveInput } from "@/lib/money";
import { askBody, ticketBody } from "@/lib/support/support-schemas";
import { processTerm, tokenize } from "@/lib/support/search-terms";
import { loginBody, profileChanges, registerBody } from "@/lib/api/account-schemas";
import { closedQuery } from "@/lib/api/transaction-schemas";
import { pageQuery } from "@/lib/api/paging";

const KB64 = 64 * 1024;
const fill = (unit: string, size = KB64) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

const HOSTILE: string[] = [
  fill("<a"),
  fill("<p"),
  fill("</p"),
  fill("<br "),
  fill(" "),
  `${fill(" ")}x`,
  fill(" -"),
  fill("0"),
  `0.${fill("0")}1`,
  fill("1"),
  fill("a@"),
  `${fill("a.")}@`,
  fill("bitcoin "),
  fill("bitcoin\t"),
  fill("$BTC"),
  fill("'s"),
  fill("ll"),
  fill("-"),
  fill("é"),
];

function within(ms: number, label: string, run: () => unknown) {
  const t0 = performance.now();
  run();
  const took = performance.now() - t0;
  expect(took, `${label} took ${took.toFixed(0)} ms`).toBeLessThan(ms);
}

describe("patterns on hostile 64 KB input stay linear", () => {
  it.each(HOSTILE.map((h, i) => [i, JSON.stringify(h.slice(0, 12)), h] as const))("input %i (%s…)", (_i, _label, h) => {
    within(500, "feed HTML to text", () => htmlToPlainText(h, 600));
    within(500, "feed HTML to text (4x)", () => htmlToPlainText(h.repeat(4), 600));
    within(500, "feed entry", () => normaliseEntry({ title: h, html: h, link: "https://example.com/a", guid: h }, "Test", new Date()));
    within(500, "feed source name", () => sourceName(h, "https://example.com/feed"));
    within(500, "coin tagging", () => tagCoins(h));
    within(500, "amount", () => parsePositiveInput(h));
    within(500, "support question", () => askBody.safeParse({ question: h }));
    within(500, "support ticket", () => ticketBody.safeParse({ subject: h, message: h }));
    within(500, "search terms", () => tokenize(h).map(processTerm));
    within(500, "register", () => registerBody.safeParse({ email: h, password: h, name: h, age: h, country: h, PhoneNo: h }));
    within(500, "login", () => loginBody.safeParse({ email: h, password: h }));
    within(500, "profile", () => profileChanges.safeParse({ name: h, age: h, PhoneNo: h }));
    within(500, "news query", () => newsQuery.safeParse({ coin: h, pair: h, limit: h, offset: h }));
    within(500, "closed query", () => closedQuery.safeParse({ status: h, limit: h, offset: h }));
    within(500, "page query", () => pageQuery.safeParse({ limit: h, offset: h }));
  });
});
