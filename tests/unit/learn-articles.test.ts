import { describe, expect, it } from "vitest";
import { loadArticles } from "@/lib/learn/load-articles";
import { LEARN_LINKS } from "@/lib/learn/article-links";
import { articleSections } from "@/lib/learn/article-sections";
import { PAIRS } from "@/lib/markets";

const articles = loadArticles();
const all = articles.map((a) => a.markdown).join("\n");

describe("the Learn articles", () => {
  it("load with valid front matter, unique slugs, in order, each with a table of contents", () => {
    expect(articles.length).toBeGreaterThanOrEqual(8);
    expect(new Set(articles.map((a) => a.slug)).size).toBe(articles.length);
    for (const a of articles) {
      expect(a.toc.length, a.slug).toBeGreaterThan(1);
      expect(a.html, a.slug).not.toMatch(/<script|on\w+=|javascript:/i);
    }
  });

  it.each([
    ["what a crypto-currency is", /## What a crypto-currency is/],
    ["what a blockchain is", /## What a blockchain is/],
    ["base and quote", /## Base and quote/],
    ["candlesticks", /## Candlesticks/],
    ["volume", /## Volume/],
    ["the SMA formula", /SMA\(n\) = \(C\(t\) \+ C\(t-1\) \+ … \+ C\(t-n\+1\)\) \/ n/],
    ["the EMA formula", /EMA\(t\) = α × C\(t\) \+ \(1 − α\) × EMA\(t-1\)`, with `α = 2 \/ \(n \+ 1\)/],
    ["the chart intervals", /\*\*15m\*\*, \*\*1h\*\*, \*\*12h\*\*, \*\*1d\*\* or \*\*1w\*\*/],
    ["market orders at the latest trade price", /## Market orders[\s\S]*latest trade/],
    ["stop orders and the SL/TP table", /\| BUY \| stop ≥ p \| \*\*SL\*\*[\s\S]*\| BUY \| stop < p \| \*\*TP\*\*[\s\S]*\| SELL \| stop ≤ p \| \*\*SL\*\*[\s\S]*\| SELL \| stop > p \| \*\*TP\*\*/],
    ["locked (fixed) balance", /## Locked \(fixed\) balance/],
    ["fills at the triggering trade price and rejections", /fills \*\*at\nthat trade's price\*\*[\s\S]*\*\*REJECTED\*\*/],
    ["cancelling", /## Cancelling and changing a stop order/],
    ["the 0.1% fee in the quote coin", /\*\*0\.1% of the quote amount\*\*[\s\S]*\*\*quote coin\*\*/],
    ["the prediction and its accuracy", /## Reading its accuracy[\s\S]*"no change" baseline/],
    ["the 1d/3d/1w horizons", /\*\*1 day \(1d\)\*\*, \*\*3 days \(3d\)\*\* or\n\*\*1 week \(1w\)\*\*/],
    ["the account: balance, profit, rating, reset", /## Portfolio value and profit[\s\S]*## Rating stars[\s\S]*## Resetting the account/],
    ["the starting balance", /50,000 virtual USDT/],
    ["limits: at once as taker at the last price, or waiting as maker at their own price", /\| BUY \| limit ≥ p \| fills \*\*at once\*\* at `p`[\s\S]*\| BUY \| limit < p \| \*\*waits\*\*; fills at your limit price/],
    ["whole fills", /fill \*\*whole\*\*/],
    ["IOC and FOK expire when they cannot fill at once", /\*\*IOC\*\*[\s\S]*\*\*FOK\*\*[\s\S]*ends \*\*EXPIRED\*\*/],
    ["post-only refused when it would take", /\*\*LIMIT_MAKER\*\*[\s\S]*would immediately match and take/],
    ["stop-limits become limits when they fire", /STOP_LOSS_LIMIT[\s\S]*becomes a \*\*limit order at your limit price\*\*/],
    ["trailing stops in basis points, 10 to 2,000", /\*\*basis\s+points\*\*[\s\S]*accepts 10 to 2,000/],
    ["trailing stops fill at the firing trade (gaps)", /## How it fills\n\nA fired trailing stop fills \*\*whole\*\* at the price of the \*\*trade that fired it\*\*/],
    ["OCO: one lock, the other leg EXPIRED in the same step", /other leg ends \*\*EXPIRED\*\* in the same step[\s\S]*## One lock for both legs/],
    ["OCO price rules", /`limit > last > stop`[\s\S]*`limit < last < stop`/],
    ["quote amounts rounded down to the step", /rounds \*\*down\*\* to the pair's lot step/],
    ["maker and taker rates", /## Maker and taker[\s\S]*`FEE_RATE_MAKER`, `FEE_RATE_TAKER`/],
    ["risk management", /## Decide what you can lose[\s\S]*## Size the position from the stop[\s\S]*## Spread the risk/],
  ])("cover %s", (_topic, pattern) => {
    expect(all).toMatch(pattern);
  });

  it("list all fourteen pairs of the platform", () => {
    const pairsArticle = articles.find((a) => a.slug === "coins-and-pairs");
    for (const p of PAIRS) expect(pairsArticle?.markdown).toContain(p.symbol);
  });

  it("state the rating thresholds of the product", () => {
    const account = articles.find((a) => a.slug === "your-account")?.markdown ?? "";
    for (const row of ["| 0 or less | 0 |", "| above 0 and below 1,000 | 1 |", "| 1,000 to below 2,000 | 2 |", "| 2,000 to below 3,500 | 3 |", "| 3,500 to 5,000 | 4 |", "| above 5,000 | 5 |"]) {
      expect(account).toContain(row);
    }
  });

  it("have every heading the other pages link to", () => {
    for (const link of Object.values(LEARN_LINKS)) {
      const [path, anchor] = link.split("#");
      const article = articles.find((a) => `/learn/${a.slug}` === path);
      expect(article, link).toBeDefined();
      if (anchor) expect(article?.html, link).toContain(`id="${anchor}"`);
    }
  });

  it("link only to articles that exist", () => {
    for (const a of articles) {
      for (const [, target] of a.markdown.matchAll(/\]\((\/learn\/[^)#]+)(?:#[^)]*)?\)/g)) {
        expect(articles.some((b) => `/learn/${b.slug}` === target), `${a.slug} -> ${target}`).toBe(true);
      }
    }
  });

  it("are cut into sections whose anchors are the rendered heading ids", () => {
    for (const a of articles) {
      for (const s of articleSections(a.markdown)) {
        if (s.anchor) expect(a.html, `${a.slug}#${s.anchor}`).toContain(`id="${s.anchor}"`);
      }
    }
  });
});
