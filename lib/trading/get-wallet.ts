// GET /api/wallet and /api/wallet/{coin} – free and locked balances of all six coins, portfolio value
// and gain at the last known prices (answers at once; `prices_stale` when the feed is not fresh).
import { prisma } from "@/lib/db";
import { COINS, type Coin } from "@/lib/markets";
import { unitsToNumber } from "@/lib/money";
import { lastUsdtPrices } from "@/lib/market/last-prices";
import { valueHoldings } from "./value-holdings";

/** Free and locked units of all six coins (zero rows for coins never held). */
export async function getBalances({ portfolioId }: { portfolioId: string }) {
  const rows = await prisma.balance.findMany({ where: { portfolioId }, select: { coin: true, free: true, locked: true } });
  const byCoin = new Map(rows.map((r) => [r.coin, r]));
  return COINS.map((coin) => byCoin.get(coin) ?? { coin, free: 0n, locked: 0n });
}

export async function getWallet({ portfolioId, startingBalance, email }: { portfolioId: string; startingBalance?: bigint; email: string }) {
  const [h, prices] = await Promise.all([getBalances({ portfolioId }), lastUsdtPrices()]);
  const { value, pnl } = valueHoldings(h, prices.usdt, startingBalance);
  return {
    email,
    // `profit` is the total value, as the original answered it (its frontend subtracts 50,000 itself).
    profit: unitsToNumber(value),
    portfolio_value: unitsToNumber(value),
    pnl: unitsToNumber(pnl),
    balance: Object.fromEntries(h.map((b) => [b.coin, unitsToNumber(b.free)])),
    fixed_balance: Object.fromEntries(h.map((b) => [b.coin, unitsToNumber(b.locked)])),
    prices_stale: prices.stale,
  };
}

export async function getCoinBalance({ portfolioId, coin }: { portfolioId: string; coin: Coin }) {
  const b = await prisma.balance.findUnique({ where: { portfolioId_coin: { portfolioId, coin } }, select: { free: true, locked: true } });
  return { coin, balance: unitsToNumber(b?.free ?? 0n), fixed_balance: unitsToNumber(b?.locked ?? 0n) };
}
