// What /ws-api/v3 and /ws/<listenKey> (ws-api-server.ts) need from the Binance dialect: the signed
// subscription check, the listenKey lookup, the events of an order change and of an account reset, and the
// key re-checks. Any failure to load events is the server's to log; a key that cannot be checked is not
// taken for revoked.
import { accountResetEvents } from "@/lib/binance/user-stream/account-reset-events";
import { isStreamKeyActive } from "@/lib/binance/user-stream/is-stream-key-active";
import { orderUpdateEvents } from "@/lib/binance/user-stream/order-update-events";
import { verifyStreamSubscription } from "@/lib/binance/user-stream/verify-stream-subscription";
import { findListenKeyStream, isListenKeyLive } from "@/lib/binance/listen-keys/find-listen-key-stream";
import type { UserStreamSource } from "./ws-api-server";

export const userStreamSource: UserStreamSource = {
  subscribe: (params) => verifyStreamSubscription(params),
  orderEvents: (portfolioId, orderId) => orderUpdateEvents({ portfolioId, orderId }),
  resetEvents: (portfolioId) => accountResetEvents({ portfolioId }),
  isKeyLive: (key) => isStreamKeyActive(key),
  listenKey: (listenKey) => findListenKeyStream(listenKey),
  isListenKeyLive: (listenKeyId) => isListenKeyLive(listenKeyId),
};
