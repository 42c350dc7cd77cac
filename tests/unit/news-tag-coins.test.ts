import { describe, expect, it } from "vitest";
import { tagCoins } from "@/lib/news/tag-coins";

describe("tagCoins", () => {
  it.each([
    ["Bitcoin tops $100,000 as ETFs draw inflows", ["BTC"]],
    ["BTC and ETH slide after Fed minutes", ["BTC", "ETH"]],
    ["Ether staking yields fall; Ethereum devs set upgrade date", ["ETH"]],
    ["Ripple wins appeal, XRP jumps 12%", ["XRP"]],
    ["Litecoin halving approaches", ["LTC"]],
    ["BNB Chain upgrade goes live", ["BNB"]],
    ["Tether mints $1B USDT", ["USDT"]],
    ["$BTC whales accumulate", ["BTC"]],
    ["Bitcoin's hashrate hits record", ["BTC"]],
  ])("tags %j", (text, coins) => {
    expect(tagCoins(text)).toEqual(coins);
  });

  it.each([
    "Bitcoin Cash forks again",
    "Bitcoin SV exchange delists",
    "Ethereum Classic suffers 51% attack",
    "Together we build: the ethos of open source",
    "method and bitcoinz are not coins here",
    "lowercase eth or btc inside words like ethics and ebtc",
    "Binance exchange faces new lawsuit",
  ])("does not tag look-alikes in %j", (text) => {
    expect(tagCoins(text)).toEqual([]);
  });
});
