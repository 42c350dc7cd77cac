// The one error type and its status table. Every error an API client sees is {code, message[, details]},
// plus the original's names for the sentence (a presentation detail of this one shape): `error` always,
// and `msg` on the order endpoints, which is what the original frontend shows in its alerts.

const STATUS = {
  INVALID_JSON: 400,
  VALIDATION_FAILED: 400,
  UNKNOWN_PAIR: 400,
  INVALID_TOKEN: 400,
  MALFORMED_URL: 400,
  USER_EXISTS: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  WRONG_PASSWORD: 403,
  NOT_FOUND: 404,
  ORDER_NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  EMAIL_TAKEN: 409,
  ALREADY_IN_WATCHLIST: 409,
  DUPLICATE_CLIENT_ORDER_ID: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  INSUFFICIENT_BALANCE: 422,
  MAX_NOTIONAL_EXCEEDED: 422,
  BALANCE_LIMIT: 422,
  TOO_MANY_OPEN_ORDERS: 422,
  TOO_MANY_KEYS: 422,
  BUSINESS_RULE: 422,
  WOULD_TRIGGER_IMMEDIATELY: 422,
  WOULD_TAKE: 422,
  PRICE_RELATIONSHIP: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  NO_FRESH_PRICE: 503,
  NO_MODEL: 503,
} as const;

export type ErrorCode = keyof typeof STATUS;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, string>,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return STATUS[this.code];
  }

  toJSON() {
    return { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}), error: this.message };
  }
}

/** `withMsg`: also carry the sentence as `msg` (the original's order endpoints). */
export function errorResponse(error: AppError, { withMsg = false }: { withMsg?: boolean } = {}): Response {
  const body = withMsg ? { ...error.toJSON(), msg: error.message } : error.toJSON();
  return Response.json(body, { status: error.status, headers: error.headers });
}
