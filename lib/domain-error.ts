// The error every use case throws: a stable code, a sentence for people, and optional per-field details.
// It knows no HTTP: each API dialect presents it through its own table (the native one in
// lib/api/errors.ts, Binance's by the same code strings). The codes are part of both dialects' contracts.

export type DomainErrorCode =
  | "VALIDATION_FAILED"
  | "UNKNOWN_PAIR"
  | "INVALID_TOKEN"
  | "USER_EXISTS"
  | "UNAUTHENTICATED"
  | "INVALID_CREDENTIALS"
  | "FORBIDDEN"
  | "WRONG_PASSWORD"
  | "NOT_FOUND"
  | "ORDER_NOT_FOUND"
  | "CONFLICT"
  | "IDEMPOTENCY_KEY_REUSED"
  | "EMAIL_TAKEN"
  | "ALREADY_IN_WATCHLIST"
  | "DUPLICATE_CLIENT_ORDER_ID"
  | "INSUFFICIENT_BALANCE"
  | "MAX_NOTIONAL_EXCEEDED"
  | "BALANCE_LIMIT"
  | "TOO_MANY_OPEN_ORDERS"
  | "BUSINESS_RULE"
  | "WOULD_TRIGGER_IMMEDIATELY"
  | "WOULD_TAKE"
  | "PRICE_RELATIONSHIP"
  | "RATE_LIMITED"
  | "NO_FRESH_PRICE"
  | "NO_MODEL"
  | "TOO_MANY_KEYS"
  | "PORTFOLIO_NOT_FOUND"
  | "COMPETITION_NOT_FOUND"
  | "COMPETITION_NOT_RUNNING"
  | "PAIR_NOT_ALLOWED"
  | "RESET_NOT_ALLOWED"
  | "PARTICIPANT_REMOVED"
  | "TOO_MANY_PORTFOLIOS";

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details?: Record<string, string>,
    /** RATE_LIMITED: seconds until a retry can succeed */
    readonly retryAfterS?: number,
  ) {
    super(message);
    this.name = "DomainError";
  }
}
