// The browser's chosen portfolio: the header bar's switcher stores its id in this cookie; the pages and
// their own API calls act on it (a Bearer client names its portfolio with `X-Portfolio` or `?portfolio=`).
import { parseCookies } from "@/lib/parse-cookies";

export const PORTFOLIO_COOKIE = "cv_portfolio";

/** The cookie's value in a Cookie header, if any. */
export function portfolioCookieOf(cookieHeader: string | null): string | null {
  return cookieHeader ? parseCookies(cookieHeader).get(PORTFOLIO_COOKIE) || null : null;
}
