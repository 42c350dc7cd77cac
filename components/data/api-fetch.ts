// The browser's client for the app's own REST API: same-origin cookies (the next-auth session), JSON in
// and out, and the API's {code, message, details} errors surfaced as ApiError for forms to show by field.

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, string> = {},
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** Calls /api/...; resolves with the parsed JSON body, rejects with ApiError. */
export async function apiFetch<T = unknown>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const res = await fetch(path, {
    method: init.method ?? "GET",
    credentials: "same-origin",
    headers: init.body !== undefined ? { "content-type": "application/json" } : undefined,
    body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
  });
  const text = await res.text();
  let json: unknown = undefined;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (!res.ok) {
    const e = (json ?? {}) as { code?: string; message?: string; details?: Record<string, string> };
    if (e.code === "UNAUTHENTICATED" && typeof window !== "undefined") {
      // The session ended elsewhere (password changed, signed out): go to the sign-in page, not a broken page.
      window.location.assign(`/login?callbackUrl=${encodeURIComponent(window.location.pathname)}`);
    }
    throw new ApiError(res.status, e.code ?? "HTTP_" + res.status, e.message ?? `Request failed (${res.status}).`, e.details ?? {});
  }
  return json as T;
}

/** SWR's fetcher: GET the key. */
export const swrFetcher = <T,>(path: string): Promise<T> => apiFetch<T>(path);
