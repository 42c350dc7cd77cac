// Choosing a portfolio in the browser: the switcher cookie (read by the pages, their API calls and the /ws
// upgrade), then a full page load, so every server-rendered part, every SWR cache and the live socket
// (which follows the cookie it connected with) start again on the new portfolio.
import { PORTFOLIO_COOKIE } from "@/lib/portfolio/portfolio-cookie";

const YEAR_S = 365 * 24 * 3600;

/** Stores `id` as the chosen portfolio. */
export function setPortfolioCookie(id: string): void {
  const secure = location.protocol === "https:" ? "; Secure" : "";
  document.cookie = `${PORTFOLIO_COOKIE}=${encodeURIComponent(id)}; path=/; max-age=${YEAR_S}; SameSite=Lax${secure}`;
}

/** Switches to portfolio `id` and loads `path` (default: this page again). */
export function choosePortfolio(id: string, path?: string): void {
  setPortfolioCookie(id);
  if (path) window.location.assign(path);
  else window.location.reload();
}
