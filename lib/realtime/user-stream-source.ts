// What /ws-api/v3 (ws-api-server.ts) needs from the Binance dialect: the signed subscription check, the
// events of an order change and of an account reset, and the key re-check. Any failure to load events is
// the server's to log; a key that cannot be checked is not taken for revoked.
import { accountResetEvents } from "@/lib/binance/user-stream/account-reset-events";
import { isStreamKeyActive } from "@/lib/binance/user-stream/is-stream-key-active";
import { orderUpdateEvents } from "@/lib/binance/user-stream/order-update-events";
import { verifyStreamSubscription } from "@/lib/binance/user-stream/verify-stream-subscription";
import type { UserStreamSource } from "./ws-api-server";

export const userStreamSource: UserStreamSource = {
  subscribe: (params) => verifyStreamSubscription(params),
  orderEvents: (portfolioId, orderId) => orderUpdateEvents({ portfolioId, orderId }),
  resetEvents: (portfolioId) => accountResetEvents({ portfolioId }),
  isKeyLive: (key) => isStreamKeyActive(key),
};
