// The native dialect's errors: its status table for every domain error code (lib/domain-error.ts) and for
// the errors only HTTP has (malformed JSON, oversized bodies, wrong methods), and the one JSON shape
// {code, message[, details]}, plus the original's names for the sentence (a presentation detail of this
// one shape): `error` always, and `msg` on the order endpoints, which is what the original frontend shows.
import { DomainError, type DomainErrorCode } from "@/lib/domain-error";

const DOMAIN_STATUS: Record<DomainErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNKNOWN_PAIR: 400,
  INVALID_TOKEN: 400,
  USER_EXISTS: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  WRONG_PASSWORD: 403,
  NOT_FOUND: 404,
  ORDER_NOT_FOUND: 404,
  PORTFOLIO_NOT_FOUND: 404,
  COMPETITION_NOT_FOUND: 404,
  CONFLICT: 409,
  EMAIL_TAKEN: 409,
  ALREADY_IN_WATCHLIST: 409,
  DUPLICATE_CLIENT_ORDER_ID: 409,
  INSUFFICIENT_BALANCE: 422,
  MAX_NOTIONAL_EXCEEDED: 422,
  BALANCE_LIMIT: 422,
  TOO_MANY_OPEN_ORDERS: 422,
  TOO_MANY_KEYS: 422,
  TOO_MANY_PORTFOLIOS: 422,
  COMPETITION_NOT_RUNNING: 422,
  PAIR_NOT_ALLOWED: 422,
  RESET_NOT_ALLOWED: 422,
  PARTICIPANT_REMOVED: 422,
  BUSINESS_RULE: 422,
  IDEMPOTENCY_KEY_REUSED: 422,
  WOULD_TRIGGER_IMMEDIATELY: 422,
  WOULD_TAKE: 422,
  PRICE_RELATIONSHIP: 422,
  RATE_LIMITED: 429,
  NO_FRESH_PRICE: 503,
  NO_MODEL: 503,
};

const HTTP_STATUS = {
  INVALID_JSON: 400,
  MALFORMED_URL: 400,
  METHOD_NOT_ALLOWED: 405,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  INTERNAL: 500,
} as const;

type HttpErrorCode = keyof typeof HTTP_STATUS;
export type ErrorCode = DomainErrorCode | HttpErrorCode;

const STATUS: Record<ErrorCode, number> = { ...DOMAIN_STATUS, ...HTTP_STATUS };

/** An error of the HTTP layer itself (parsing, framing, methods), or a domain error with headers. */
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

/** A domain error as the native dialect presents it (its status from the table, Retry-After when known). */
export function fromDomain(error: DomainError): AppError {
  const headers = error.retryAfterS === undefined ? undefined : { "Retry-After": String(error.retryAfterS) };
  return new AppError(error.code, error.message, error.details, headers);
}

/** Either kind of known error in the native shape; null for anything else (a bug: the caller logs it). */
export function asAppError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  if (error instanceof DomainError) return fromDomain(error);
  return null;
}

/** `withMsg`: also carry the sentence as `msg` (the original's order endpoints). */
export function errorResponse(error: AppError, { withMsg = false }: { withMsg?: boolean } = {}): Response {
  const body = withMsg ? { ...error.toJSON(), msg: error.message } : error.toJSON();
  return Response.json(body, { status: error.status, headers: error.headers });
}
