// The Binance dialect's route wrapper (binance-api.md §3, §8), as lib/api/handler.ts is the native one's:
// the IP's request weight first (429/418), then the parameters (query and form body, raw bytes kept for
// the signature, bounded), then for USER_DATA/TRADE the signed-request check (USER_STREAM: the key header
// alone), the account's order count on order calls, one use case, and every error as {code, msg}. Every answer carries
// X-MBX-USED-WEIGHT-1M; order calls add X-MBX-ORDER-COUNT-10S/-1D. Unknown errors: logged, -1000 (500).
import type { PortfolioScope } from "@/lib/portfolio/portfolio-scope";
import { resolvePortfolio } from "@/lib/portfolio/resolve-portfolio";
import { clientIp } from "@/lib/api/client-ip";
import { withCors } from "@/lib/api/cors";
import { readBodyText } from "@/lib/api/read-body";
import { checkTiming, verifySignedRequest, verifyUserStreamKey, type Security } from "./verify-signed-request";
import { BinanceError, binanceErrorOf, binanceErrorResponse, MSG } from "./errors";
import { BinanceParams, signedPayload } from "./params";
import { rateLimiter } from "./rate-limits";

const MAX_BODY_BYTES = 16 * 1024;

type PerRequest = number | ((p: BinanceParams) => number);

export interface BinanceContext {
  req: Request;
  params: BinanceParams;
}

export interface SignedContext extends BinanceContext {
  userId: string;
  /** the portfolio the API key was bound to at its creation */
  portfolio: PortfolioScope;
  keyId: string;
  /** the key has the TRADE permission (GET account's canTrade) */
  canTrade: boolean;
  /** the timing rule once more (-1021): called just before an order's ledger transaction */
  recheckTiming: () => void;
}

interface Options {
  /** Binance's request weight of the endpoint (may depend on its parameters) */
  weight: PerRequest;
  /** new orders the call places (counted against ORDERS before it runs; adds the order-count headers) */
  orders?: PerRequest;
  /** how an unknown order reads: -2013 for queries, -2011 (default) for cancels */
  notFound?: "query" | "cancel";
}

const perRequest = (v: PerRequest | undefined, p: BinanceParams | undefined) => (typeof v === "function" ? (p ? v(p) : 1) : (v ?? 0));

async function paramsOf(req: Request): Promise<{ params: BinanceParams; payload: string }> {
  const url = new URL(req.url);
  const rawQuery = url.search.slice(1);
  const rawBody = ["POST", "PUT", "DELETE"].includes(req.method) ? await readBodyText(req, MAX_BODY_BYTES) : "";
  return { params: BinanceParams.parse(rawQuery, rawBody), payload: signedPayload(rawQuery, rawBody) };
}

function answer(req: Request, res: Response, headers: Record<string, string>): Response {
  for (const [k, v] of Object.entries(headers)) if (!res.headers.has(k)) res.headers.set(k, v);
  return withCors(req, res);
}

function failure(req: Request, error: unknown, opts: Options): Response {
  const known = binanceErrorOf(error, { notFound: opts.notFound });
  if (known) return binanceErrorResponse(known);
  console.error(`${req.method} ${new URL(req.url).pathname} failed:`, error);
  return binanceErrorResponse(new BinanceError(-1000, MSG.unknown, 500));
}

export interface UserStreamContext extends BinanceContext {
  /** the API key of the X-MBX-APIKEY header (any permission) */
  keyId: string;
}

function route<C extends BinanceContext>(opts: Options, security: Security | "USER_STREAM" | null, handler: (ctx: C) => Promise<object | Response>) {
  return async (req: Request): Promise<Response> => {
    const ip = clientIp(req);
    const headers: Record<string, string> = {};
    let params: BinanceParams | undefined;
    try {
      const read = await paramsOf(req).catch((e: unknown) => {
        rateLimiter.takeWeight(ip, perRequest(opts.weight, undefined));
        throw e;
      });
      params = read.params;
      headers["X-MBX-USED-WEIGHT-1M"] = String(rateLimiter.takeWeight(ip, perRequest(opts.weight, params)));
      let ctx: BinanceContext | SignedContext | UserStreamContext = { req, params };
      if (security === "USER_STREAM") {
        ctx = { ...ctx, keyId: (await verifyUserStreamKey(req.headers.get("x-mbx-apikey"))).keyId };
      } else if (security) {
        const signer = await verifySignedRequest({
          apiKey: req.headers.get("x-mbx-apikey") ?? undefined,
          payload: read.payload,
          signature: params.get("signature"),
          timestamp: params.get("timestamp"),
          recvWindow: params.get("recvWindow"),
          need: security,
        });
        ctx = { ...ctx, userId: signer.userId, portfolio: await resolvePortfolio(signer.userId, signer.portfolioId), keyId: signer.keyId, canTrade: signer.canTrade, recheckTiming: () => checkTiming(signer.timing) };
        if (opts.orders !== undefined) {
          const counts = rateLimiter.takeOrders(signer.userId, perRequest(opts.orders, params));
          headers["X-MBX-ORDER-COUNT-10S"] = String(counts.s10);
          headers["X-MBX-ORDER-COUNT-1D"] = String(counts.day);
        }
      }
      const result = await handler(ctx as C);
      return answer(req, result instanceof Response ? result : Response.json(result), headers);
    } catch (error) {
      headers["X-MBX-USED-WEIGHT-1M"] ??= String(rateLimiter.usedWeight(ip));
      return answer(req, failure(req, error, opts), headers);
    }
  };
}

/** A market-data route (security NONE). */
export const binancePublic = (opts: Options, handler: (ctx: BinanceContext) => Promise<object | Response>) => route(opts, null, handler);

/** A signed route: USER_DATA (a READ key) or TRADE (a key with TRADE). */
export const binanceSigned = (security: Security, opts: Options, handler: (ctx: SignedContext) => Promise<object | Response>) =>
  route(opts, security, handler);

/** A USER_STREAM route (the listenKey calls): the API key header, no signature. */
export const binanceUserStream = (opts: Options, handler: (ctx: UserStreamContext) => Promise<object | Response>) => route(opts, "USER_STREAM", handler);
