// The route-handler wrapper: authenticate, parse JSON (malformed -> 400), validate with zod, run one use
// case, and turn every thrown error into the one JSON error shape. Unknown errors are logged with context
// and answered as a generic 500 without internals.
import type { z } from "zod";
import { withCors } from "./cors";
import { AppError, errorResponse } from "./errors";
import { readBodyText } from "./read-body";
import { validationError } from "./validation-error";
import { logger } from "@/lib/log";
import { authenticateRequest, type AuthUser } from "@/lib/auth/authenticate-request";

const MAX_BODY_BYTES = 64 * 1024;

interface Context<B, Q> {
  req: Request;
  body: B;
  /** the JSON body before validation (the original's `email` check must see what zod strips) */
  rawBody?: unknown;
  query: Q;
  params: Record<string, string>;
}

type Result = Response | object;
type RouteArgs = { params: Promise<Record<string, string | string[]>> };
type Options<B, Q> = { body?: z.ZodType<B>; query?: z.ZodType<Q>; status?: number };

async function readJson(req: Request): Promise<unknown> {
  const text = await readBodyText(req, MAX_BODY_BYTES);
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("INVALID_JSON", "The request body is not valid JSON.");
  }
}

function parse<T>(schema: z.ZodType<T> | undefined, input: unknown): T {
  if (!schema) return input as T;
  const r = schema.safeParse(input);
  if (!r.success) throw validationError(r.error);
  return r.data;
}

async function context<B, Q>(req: Request, args: RouteArgs | undefined, opts: Options<B, Q>): Promise<Context<B, Q>> {
  const raw = Object.fromEntries(Object.entries((await args?.params) ?? {}).map(([k, v]) => [k, Array.isArray(v) ? v.join("/") : v]));
  const query = Object.fromEntries(new URL(req.url).searchParams);
  const hasBody = !["GET", "HEAD"].includes(req.method);
  const body = hasBody ? await readJson(req) : {};
  return { req, params: raw, body: parse(opts.body, body), rawBody: body, query: parse(opts.query, query) };
}

function respond(req: Request, result: Result, status: number): Response {
  return withCors(req, result instanceof Response ? result : Response.json(result, { status }));
}

function fail(error: unknown, req: Request): Response {
  const path = new URL(req.url).pathname;
  const withMsg = path.startsWith("/api/order/"); // the original's order endpoints answered errors as `msg`
  if (error instanceof AppError) return withCors(req, errorResponse(error, { withMsg }));
  // The error's message and stack only: never the body, the query or the user.
  logger.error({ reqId: req.headers.get("x-request-id") ?? undefined, method: req.method, path, err: error instanceof Error ? { message: error.message, stack: error.stack } : String(error) }, "request failed");
  return withCors(req, errorResponse(new AppError("INTERNAL", "Something went wrong on our side. Please try again."), { withMsg }));
}

/** A route for anyone. */
export function withPublic<B = Record<string, unknown>, Q = Record<string, string>>(
  handler: (ctx: Context<B, Q>) => Promise<Result>,
  opts: Options<B, Q> = {},
) {
  return async (req: Request, args?: RouteArgs): Promise<Response> => {
    try {
      return respond(req, await handler(await context(req, args, opts)), opts.status ?? 200);
    } catch (error) {
      return fail(error, req);
    }
  };
}

/** A route for a signed-in user (Bearer access token). The original's optional `email` must match. */
export function withUser<B = Record<string, unknown>, Q = Record<string, string>>(
  handler: (ctx: Context<B, Q> & { user: AuthUser }) => Promise<Result>,
  opts: Options<B, Q> = {},
) {
  return async (req: Request, args?: RouteArgs): Promise<Response> => {
    try {
      const user = await authenticateRequest(req);
      const ctx = await context(req, args, opts);
      const raw = ctx.rawBody as { email?: unknown } | null | undefined;
      const email = new URL(req.url).searchParams.get("email") ?? (typeof raw?.email === "string" ? raw.email : undefined);
      // An email holds no space: one here is a '+' the original frontend left unencoded in the query string.
      if (email !== undefined && email.trim().replaceAll(" ", "+").toLowerCase() !== user.email) {
        throw new AppError("UNAUTHENTICATED", "The email does not belong to the signed-in user.");
      }
      return respond(req, await handler({ ...ctx, user }), opts.status ?? 200);
    } catch (error) {
      return fail(error, req);
    }
  };
}
