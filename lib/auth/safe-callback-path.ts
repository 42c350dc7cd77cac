// Where a browser may be sent after signing in (or out): only a path of this site. Pure, so the login page,
// the sign-in form and next-auth's redirect callback all judge a callbackUrl by the same rule.

const MAX_LENGTH = 2048;
// Placeholder origin for resolving paths: `.invalid` can never be a real host.
const BASE = "https://compraventa.invalid";
// Control characters (browsers drop tabs and newlines inside URLs: `/\t/evil` becomes `//evil`) and backslashes
// (browsers read `\` as `/`). One character class, no repetition: linear on any input.
const FORBIDDEN_CHAR = /[\u0000-\u001f\u007f\\]/;

function hasForbiddenShape(value: string): boolean {
  return FORBIDDEN_CHAR.test(value) || value.includes("//");
}

/** Every form `value` takes when decoded up to three times, so `%2F%2F` and `%252F` are judged too. */
function decodedForms(value: string): string[] {
  const forms = [value];
  let current = value;
  for (let i = 0; i < 3 && current.includes("%"); i++) {
    try {
      current = decodeURIComponent(current);
    } catch {
      return [...forms, "//"]; // malformed escapes: refuse
    }
    forms.push(current);
  }
  return forms;
}

/**
 * `raw` as a path of this site (path, query and fragment; always starting with one `/`), or `fallback`.
 * Refused: anything that is not a string starting with `/` (or, when `origin` is given, an absolute URL of
 * exactly that origin), that contains `//`, a backslash or a control character in any decoded form, or that
 * does not resolve to the same origin.
 */
export function safeCallbackPath(raw: unknown, { origin, fallback = "/dashboard" }: { origin?: string; fallback?: string } = {}): string {
  if (typeof raw !== "string" || raw === "" || raw.length > MAX_LENGTH) return fallback;
  let path = raw;
  if (!raw.startsWith("/")) {
    // An absolute URL is accepted only with exactly this site's origin (next-auth's own callback cookie).
    if (!origin || FORBIDDEN_CHAR.test(raw)) return fallback;
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return fallback;
    }
    if (url.origin !== new URL(origin).origin || !raw.toLowerCase().startsWith(url.origin.toLowerCase() + "/")) return fallback;
    path = raw.slice(url.origin.length);
  }
  if (decodedForms(path).some(hasForbiddenShape)) return fallback;
  let resolved: URL;
  try {
    resolved = new URL(path, BASE);
  } catch {
    return fallback;
  }
  if (resolved.origin !== BASE) return fallback;
  const out = resolved.pathname + resolved.search + resolved.hash;
  return out.startsWith("/") && !out.startsWith("//") && !out.startsWith("/\\") ? out : fallback;
}
