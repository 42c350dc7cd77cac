// The Binance dialect's one error shape, {code, msg} (binance-api.md §8), and the table from the core's
// domain error codes to Binance's. Mapped by the `code` string, so the core's AppError and any error
// carrying the same codes (a DomainError) read the same. HTTP 400 unless a code says otherwise; never a
// 5xx for bad input (to a Binance client a 5xx means "status unknown").

export class BinanceError extends Error {
  constructor(
    readonly code: number,
    msg: string,
    readonly status = 400,
    readonly headers?: Record<string, string>,
  ) {
    super(msg);
    this.name = "BinanceError";
  }
}

export function binanceErrorBody(e: BinanceError): { code: number; msg: string } {
  return { code: e.code, msg: e.message };
}

// Binance's own messages, for the codes raised in more than one place.
export const MSG = {
  unknown: "An unknown error occurred while processing the request.",
  tooManyRequests: "Too many requests; please use the websocket for live updates.",
  unsupported: "This operation is not supported.",
  insufficientBalance: "Account has insufficient balance for requested action.",
  duplicateOrder: "Duplicate order sent.",
  wouldTrigger: "Order would trigger immediately.",
  wouldTake: "Order would immediately match and take.",
  priceRelationship: "The relationship of the prices for the orders is not correct.",
  marketClosed: "Market is closed.",
  unknownOrder: "Unknown order sent.",
  orderDoesNotExist: "Order does not exist.",
  badApiKeyFormat: "API-key format invalid.",
  rejectedKey: "Invalid API-key, IP, or permissions for action.",
  badSymbol: "Invalid symbol.",
  badInterval: "Invalid interval.",
  badSide: "Invalid side.",
  badType: "Invalid orderType.",
  badTimeInForce: "Invalid timeInForce.",
  badPrecision: "Precision is over the maximum defined for this asset.",
  badSignature: "Signature for this request is not valid.",
  duplicateParameter: "Duplicate values for a parameter detected.",
} as const;

export const filterFailure = (name: string) => new BinanceError(-1013, `Filter failure: ${name}`);
export const missingParameter = (name: string) =>
  new BinanceError(-1102, `Mandatory parameter '${name}' was not sent, was empty/null, or malformed.`);
export const illegalCharacters = (name: string) => new BinanceError(-1100, `Illegal characters found in parameter '${name}'; legal range is '${legalRange(name)}'.`);
export const notRequired = (name: string) => new BinanceError(-1106, `Parameter '${name}' sent when not required.`);
export const invalidParameter = (msg: string) => new BinanceError(-1130, msg);

function legalRange(name: string): string {
  if (/ClientOrderId$/i.test(name)) return "^[a-zA-Z0-9-_.]{1,36}$";
  if (/Id$|Time$|^limit$|^timestamp$|^recvWindow$|Delta$/.test(name)) return "^[0-9]{1,20}$";
  return "^([0-9]{1,20})(\\.[0-9]{1,20})?$";
}

/** The core's domain error codes (lib/api/errors.ts ErrorCode) as Binance errors. */
const DOMAIN: Record<string, { code: number; msg?: string; status?: number }> = {
  INSUFFICIENT_BALANCE: { code: -2010, msg: MSG.insufficientBalance },
  BALANCE_LIMIT: { code: -2010 },
  BUSINESS_RULE: { code: -2010 },
  COMPETITION_NOT_RUNNING: { code: -2010 },
  PAIR_NOT_ALLOWED: { code: -2010 },
  RESET_NOT_ALLOWED: { code: -2010 },
  PARTICIPANT_REMOVED: { code: -2010 },
  DUPLICATE_CLIENT_ORDER_ID: { code: -2010, msg: MSG.duplicateOrder },
  WOULD_TRIGGER_IMMEDIATELY: { code: -2010, msg: MSG.wouldTrigger },
  WOULD_TAKE: { code: -2010, msg: MSG.wouldTake },
  PRICE_RELATIONSHIP: { code: -2010, msg: MSG.priceRelationship },
  NO_FRESH_PRICE: { code: -1013, msg: MSG.marketClosed },
  TOO_MANY_OPEN_ORDERS: { code: -1013, msg: "Filter failure: MAX_NUM_ORDERS" },
  MAX_NOTIONAL_EXCEEDED: { code: -1013, msg: "Filter failure: NOTIONAL" },
  VALIDATION_FAILED: { code: -1013 },
  INVALID_JSON: { code: -1100 },
  UNKNOWN_PAIR: { code: -1121, msg: MSG.badSymbol },
  ORDER_NOT_FOUND: { code: -2011, msg: MSG.unknownOrder },
  NOT_FOUND: { code: -1020, msg: MSG.unsupported, status: 404 },
  UNAUTHENTICATED: { code: -2015, msg: MSG.rejectedKey, status: 401 },
  FORBIDDEN: { code: -2015, msg: MSG.rejectedKey, status: 401 },
  RATE_LIMITED: { code: -1003, msg: MSG.tooManyRequests, status: 429 },
  PAYLOAD_TOO_LARGE: { code: -1101, msg: "Too many parameters sent for this endpoint.", status: 413 },
  METHOD_NOT_ALLOWED: { code: -1020, msg: MSG.unsupported, status: 405 },
};

/** `e` as a Binance error when it is one or carries a known domain code; else null (an internal error).
 *  `notFound` overrides ORDER_NOT_FOUND's code: a query answers -2013 "Order does not exist." */
export function binanceErrorOf(e: unknown, { notFound }: { notFound?: "query" | "cancel" } = {}): BinanceError | null {
  if (e instanceof BinanceError) return e;
  if (!(e instanceof Error)) return null;
  const code = (e as { code?: unknown }).code;
  if (typeof code !== "string") return null;
  if (code === "ORDER_NOT_FOUND" && notFound === "query") return new BinanceError(-2013, MSG.orderDoesNotExist);
  const row = DOMAIN[code];
  if (!row) return null;
  const retryAfterS = (e as { retryAfterS?: number }).retryAfterS;
  const headers = (e as { headers?: Record<string, string> }).headers ?? (retryAfterS ? { "Retry-After": String(retryAfterS) } : undefined);
  return new BinanceError(row.code, row.msg ?? e.message, row.status ?? 400, headers);
}

/** The answer for a Binance error (its headers, e.g. Retry-After, included). */
export function binanceErrorResponse(e: BinanceError): Response {
  return Response.json(binanceErrorBody(e), { status: e.status, headers: e.headers });
}
