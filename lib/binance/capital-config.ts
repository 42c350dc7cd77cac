// GET /sapi/v1/capital/config/getall (binance-api.md §9) – what ccxt's fetchCurrencies asks for: each
// coin with the account's free and locked amounts. Virtual money: no deposits, no withdrawals, no networks.
import { getBalances } from "@/lib/trading/get-wallet";
import { fixed8 } from "./present-order";

const NAMES: Record<string, string> = { BTC: "Bitcoin", ETH: "Ethereum", LTC: "Litecoin", XRP: "XRP", BNB: "BNB", USDT: "TetherUS" };

export async function capitalConfig({ portfolioId }: { portfolioId: string }) {
  const balances = await getBalances({ portfolioId });
  return balances.map((b) => ({
    coin: b.coin,
    name: NAMES[b.coin] ?? b.coin,
    free: fixed8(b.free),
    locked: fixed8(b.locked),
    freeze: fixed8(0n),
    withdrawing: fixed8(0n),
    ipoing: fixed8(0n),
    ipoable: fixed8(0n),
    storage: fixed8(0n),
    isLegalMoney: false,
    trading: true,
    depositAllEnable: false,
    withdrawAllEnable: false,
    networkList: [],
  }));
}
