// The security headers every response carries, set by next.config.ts `headers()` (so `next start` and
// Vercel send them too; they are fixed at build time, like NEXT_PUBLIC_* values). The Content-Security-Policy
// allows what the pages need: Next's inline bootstrap scripts and styles ('unsafe-inline': no nonces),
// data:/blob: images (charts), and connections to this origin, whose websocket (/ws) CSP Level 3's 'self'
// covers, plus APP_URL's ws(s) origin and NEXT_PUBLIC_WS_URL when set. No page may be framed.
import type { Env } from "./env";

type HeaderEnv = Pick<Env, "NODE_ENV" | "NEXT_PUBLIC_WS_URL"> & { APP_URL: string };

function wsOrigin(httpUrl: string): string {
  const u = new URL(httpUrl);
  return `${u.protocol === "https:" ? "wss:" : "ws:"}//${u.host}`;
}

/** The Content-Security-Policy value. */
export function contentSecurityPolicy(env: HeaderEnv): string {
  const connect = new Set(["'self'", wsOrigin(env.APP_URL)]);
  if (env.NEXT_PUBLIC_WS_URL) connect.add(new URL(env.NEXT_PUBLIC_WS_URL).origin);
  // `next dev` evaluates its client code with eval (React refresh); a production build never does.
  const script = env.NODE_ENV === "development" ? "'self' 'unsafe-inline' 'unsafe-eval'" : "'self' 'unsafe-inline'";
  return [
    "default-src 'self'",
    `script-src ${script}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src ${[...connect].join(" ")}`,
    "worker-src 'self' blob:",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join("; ");
}

/** Every header, as next.config.ts `headers()` wants them. HSTS only when the public URL is https. */
export function securityHeaders(env: HeaderEnv): { key: string; value: string }[] {
  const headers = [
    { key: "Content-Security-Policy", value: contentSecurityPolicy(env) },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  ];
  if (new URL(env.APP_URL).protocol === "https:") {
    headers.push({ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" });
  }
  return headers;
}
