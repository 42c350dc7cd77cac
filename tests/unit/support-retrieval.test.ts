// Real questions a learner asks, and the passage each must find. Prints the ranking so the confidence
// threshold can be re-calibrated when the articles change.
import { describe, expect, it } from "vitest";
import { askQuestion } from "@/lib/support/ask-question";
import { searchKnowledge } from "@/lib/support/search-index";

// [question, the URL (article or FAQ entry, optionally with its section) the top answer must come from]
const QUESTIONS: [string, string][] = [
  ["What is a blockchain?", "/learn/what-is-crypto#what-a-blockchain-is"],
  ["what is a cryptocurrency", "/learn/what-is-crypto"],
  ["What does proof of stake mean?", "/learn/what-is-crypto#what-a-blockchain-is"],
  ["What is the difference between base and quote?", "/learn/coins-and-pairs#base-and-quote"],
  ["Which pairs can I trade?", "pairs"],
  ["How do I read a candlestick?", "/learn/reading-charts#candlesticks"],
  ["What does the volume bar mean?", "/learn/reading-charts#volume"],
  ["How is the EMA calculated?", "/learn/reading-charts#exponential-moving-average-ema"],
  ["what's the SMA formula", "/learn/reading-charts#simple-moving-average-sma"],
  ["What is a market order?", "/learn/orders#market-orders"],
  ["What is the difference between stop loss and take profit?", "/learn/orders"],
  ["When is my stop order a TP?", "/learn/orders"],
  ["how do i place a stop-loss", "/learn/orders#stop-orders-sl-and-tp"],
  ["Why did my stop order fill at a different price than the stop?", "stop-order-fill-at-a-different-price"],
  ["Why was my stop order rejected?", "rejected"],
  ["What is my fixed balance?", "fixed-balance"],
  ["How do I cancel a stop order?", "cancel"],
  ["How much is the fee?", "fee"],
  ["In which coin is the fee charged?", "/learn/fees"],
  ["Why was my order refused with insufficient balance?", "/support#faq-why-was-my-order-refused-with-insufficient-balance"],
  ["How accurate is the prediction?", "/learn/prediction#reading-its-accuracy"],
  ["Is the prediction financial advice?", "prediction"],
  ["What does the 80% range of the prediction mean?", "/learn/prediction#the-ranges"],
  ["How often does the forecast range hold?", "/learn/prediction#the-ranges"],
  ["How is my profit calculated?", "/support#faq-how-is-my-profit-calculated"],
  ["How are the rating stars calculated?", "stars"],
  ["How do I reset my account?", "/learn/your-account#resetting-the-account"],
  ["I forgot my password", "/support#faq-i-forgot-my-password-what-do-i-do"],
  ["Is the money real?", "/support#faq-is-the-money-real"],
  ["How much should I risk per trade?", "/learn/risk-management"],
  ["Where does the news come from?", "/support#faq-where-does-the-news-come-from"],
  ["Can I use the API from a bot?", "/support#faq-can-i-use-the-platform-from-a-script-or-a-bot"],
  // typos
  ["what is a blokchain", "/learn/what-is-crypto#what-a-blockchain-is"],
  ["how do I cancell a stopp order", "cancel"],
  ["explain candelsticks", "/learn/reading-charts#candlesticks"],
  ["what is the diffrence between stop los and take proffit", "/learn/orders"],
];

const OFF_TOPIC = [
  "What's the weather in Paris tomorrow?",
  "recipe for pancakes",
  "asdf qwer zxcv",
  "hello",
  "Will bitcoin go up next week?",
  "who won the football match",
  "what is the capital of France",
  "how do I buy a house",
  "is ethereum a good investment",
];

describe("support retrieval", () => {
  it.each(QUESTIONS)("%s -> %s", (question, expected) => {
    const answer = askQuestion({ question });
    const top = searchKnowledge(question, 3);
    console.log(`${question}\n${top.map((h) => `   ${h.score.toFixed(1)} ${h.doc.url}`).join("\n")}`);
    expect(answer.confident).toBe(true);
    expect(answer.sources[0]?.url).toContain(expected);
    expect(answer.answer.length).toBeGreaterThan(20);
    expect(answer.passages[0]?.text).toBe(answer.answer.split("\n\n")[0]);
  });

  it.each(OFF_TOPIC)("is not confident about %j and offers a ticket", (question) => {
    const answer = askQuestion({ question });
    expect(answer.confident).toBe(false);
    expect(answer.sources).toEqual([]);
    expect(answer.answer).not.toBe("");
  });

  it("offers a ticket when it has no answer to a real question", () => {
    expect(askQuestion({ question: "Can I trade Dogecoin futures with leverage?" })).toMatchObject({ confident: false, offer_ticket: true });
  });

  it("answers only with text quoted from the passages it links", () => {
    const a = askQuestion({ question: "What is the difference between stop loss and take profit?" });
    for (const p of a.passages) expect(a.answer).toContain(p.text);
    expect(a.sources.map((s) => s.url)).toEqual(a.passages.map((p) => p.url));
  });

  it("answers in well under a millisecond once the index is built", () => {
    askQuestion({ question: "warm up" });
    const started = performance.now();
    for (let i = 0; i < 200; i++) askQuestion({ question: "How do I cancel a stop order?" });
    expect((performance.now() - started) / 200).toBeLessThan(5);
  });
});
