// The token of an `Authorization: Bearer <token>` header (scheme case-insensitive, as RFC 6750 allows), or
// null: one reading for the API's access tokens (tokens.ts) and the metrics scraper's token (read-metrics.ts).
export function bearerOf(authorization: string | null | undefined): string | null {
  const m = /^Bearer\s+(\S+)$/i.exec((authorization ?? "").trim());
  return m?.[1] ?? null;
}
