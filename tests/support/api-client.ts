// A tiny HTTP client for the integration tests: JSON in, {status, body, headers} out.
export interface ApiResponse<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
  text: string;
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  /** send this text as the body verbatim (malformed JSON tests) */
  raw?: string;
  headers?: Record<string, string>;
}

export function apiClient(base: string) {
  return async function call<T = Record<string, unknown>>(method: string, path: string, opts: CallOptions = {}): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    let body: string | undefined;
    if (opts.raw !== undefined) body = opts.raw;
    else if (opts.body !== undefined) body = JSON.stringify(opts.body);
    if (body !== undefined) headers["content-type"] ??= "application/json";
    const r = await fetch(`${base}${path}`, { method, headers, body });
    const text = await r.text();
    let parsed: unknown = undefined;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: r.status, body: parsed as T, headers: r.headers, text };
  };
}

export type Api = ReturnType<typeof apiClient>;

let counter = 0;
/** Registers and logs in a fresh user; returns its email and access token. */
export async function newUser(api: Api, prefix = "user"): Promise<{ email: string; token: string; refresh: string; password: string }> {
  const email = `${prefix}${Date.now()}${++counter}@example.com`;
  const password = "correct horse battery";
  const reg = await api("POST", "/api/register", { body: { email, password, name: "Test User", age: 30, country: "ES", PhoneNo: "+34 600 000 000" } });
  if (reg.status !== 201) throw new Error(`register failed: ${reg.status} ${reg.text}`);
  const login = await api<{ access_token: string; refresh_token: string }>("POST", "/api/login", { body: { email, password } });
  if (login.status !== 200) throw new Error(`login failed: ${login.status} ${login.text}`);
  return { email, password, token: login.body.access_token, refresh: login.body.refresh_token };
}
