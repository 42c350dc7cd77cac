// Where other pages link into Learn (order forms, the predict page). Kept next to the articles so a
// renamed heading breaks a unit test (learn-articles.test.ts), not a link in production.

export const LEARN_LINKS = {
  marketOrder: "/learn/orders#market-orders",
  stopOrder: "/learn/orders#stop-orders-sl-and-tp",
  fixedBalance: "/learn/orders#locked-fixed-balance",
  cancelOrder: "/learn/orders#cancelling-and-changing-a-stop-order",
  fees: "/learn/fees",
  makerTaker: "/learn/fees#maker-and-taker",
  quoteAmount: "/learn/quote-amount-orders",
  limitOrder: "/learn/limit-orders",
  timeInForce: "/learn/limit-orders#time-in-force-gtc-ioc-fok",
  postOnly: "/learn/post-only-orders",
  stopLimit: "/learn/stop-limit-orders",
  trailingStop: "/learn/trailing-stops",
  oco: "/learn/oco-orders",
  prediction: "/learn/prediction",
  predictionAccuracy: "/learn/prediction#reading-its-accuracy",
  charts: "/learn/reading-charts",
  account: "/learn/your-account",
  rating: "/learn/your-account#rating-stars",
  reset: "/learn/your-account#resetting-the-account",
  risk: "/learn/risk-management",
} as const;
