import { binanceUserStream } from "@/lib/binance/handler";
import { binanceOtherMethods } from "@/lib/binance/other-methods";
import { closeListenKey } from "@/lib/binance/listen-keys/close-listen-key";
import { keepListenKeyAlive } from "@/lib/binance/listen-keys/keep-listen-key-alive";
import { listenKeyParam } from "@/lib/binance/listen-keys/listen-key";
import { openListenKey } from "@/lib/binance/listen-keys/open-listen-key";

export const dynamic = "force-dynamic";

// POST /api/v3/userDataStream – the API key's listenKey (the active one, extended; else a new one) (USER_STREAM)
export const POST = binanceUserStream({ weight: 2 }, async ({ keyId }) => openListenKey(keyId));

// PUT /api/v3/userDataStream?listenKey= – keep-alive: 60 more minutes (-1125 when it does not exist)
export const PUT = binanceUserStream({ weight: 2 }, async ({ keyId, params }) => keepListenKeyAlive(keyId, listenKeyParam(params.get("listenKey"))));

// DELETE /api/v3/userDataStream?listenKey= – closes the stream
export const DELETE = binanceUserStream({ weight: 2 }, async ({ keyId, params }) => closeListenKey(keyId, listenKeyParam(params.get("listenKey"))));

export const { GET, HEAD, PATCH, OPTIONS } = binanceOtherMethods("POST", "PUT", "DELETE");
