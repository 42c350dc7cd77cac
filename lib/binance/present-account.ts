// GET /api/v3/account and account/commission in Binance's shape (binance-api.md §6): the fee is the one
// the key's portfolio pays (FEE_RATE_MAKER/TAKER, or its competition's rate; charged in the quote coin on
// both sides), buyer/seller rates 0.
import type { FeeRates } from "@/lib/portfolio/trading-rules";
import { fixed8 } from "./present-order";

export interface AccountBalances {
  balances: { coin: string; free: bigint; locked: bigint }[];
  canTrade: boolean;
  updateTime: number;
  omitZeroBalances: boolean;
  fees: FeeRates;
}

const rates = (fees: FeeRates) => ({ maker: fixed8(fees.maker), taker: fixed8(fees.taker), buyer: fixed8(0n), seller: fixed8(0n) });
/** A rate as Binance's integer commission fields: basis points (0.001 -> 10). */
const bips = (rate: bigint) => Number(rate / 10_000n);

export function presentAccount(a: AccountBalances) {
  const balances = a.balances.filter((b) => !a.omitZeroBalances || b.free !== 0n || b.locked !== 0n);
  return {
    makerCommission: bips(a.fees.maker),
    takerCommission: bips(a.fees.taker),
    buyerCommission: 0,
    sellerCommission: 0,
    commissionRates: rates(a.fees),
    canTrade: a.canTrade,
    canWithdraw: false,
    canDeposit: false,
    brokered: false,
    requireSelfTradePrevention: false,
    preventSor: false,
    updateTime: a.updateTime,
    accountType: "SPOT",
    balances: balances.map((b) => ({ asset: b.coin, free: fixed8(b.free), locked: fixed8(b.locked) })),
    permissions: ["SPOT"],
  };
}

export function presentCommission(symbol: string, fees: FeeRates) {
  const none = { maker: fixed8(0n), taker: fixed8(0n), buyer: fixed8(0n), seller: fixed8(0n) };
  return {
    symbol,
    standardCommission: rates(fees),
    specialCommission: none,
    taxCommission: none,
    discount: { enabledForAccount: false, enabledForSymbol: false, discountAsset: "BNB", discount: fixed8(0n) },
  };
}

/** GET /sapi/v1/asset/tradeFee: each pair's rates. */
export function presentTradeFees(symbols: readonly string[], fees: FeeRates) {
  return symbols.map((symbol) => ({ symbol, makerCommission: fixed8(fees.maker), takerCommission: fixed8(fees.taker) }));
}
