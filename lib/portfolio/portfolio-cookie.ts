// The browser's chosen portfolio: the header bar's switcher stores its id in this cookie; the pages and
// their own API calls act on it (a Bearer client names its portfolio with `X-Portfolio` or `?portfolio=`).
export const PORTFOLIO_COOKIE = "cv_portfolio";

/** The cookie's value in a Cookie header, if any. */
export function portfolioCookieOf(cookieHeader: string | null): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === PORTFOLIO_COOKIE) return decodeURIComponent(part.slice(eq + 1).trim()) || null;
  }
  return null;
}
