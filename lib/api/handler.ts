// The route-handler wrapper: authenticate, parse JSON (malformed -> 400), validate with zod, run one use
// case, and present every thrown error in the one JSON error shape (domain errors through the native table
// of errors.ts). Unknown errors are logged with context and answered as a generic 500 without internals.
import type { z } from "zod";
import { withCors } from "./cors";
import { AppError, asAppError, errorResponse } from "./errors";
import { assertClaimedEmail } from "./claimed-email";
import { readBodyText } from "./read-body";
import { validationError } from "./validation-error";
import type { AuthUser } from "@/lib/auth/auth-user";
import { authenticateRequest } from "@/lib/auth/authenticate-request";
import { logger } from "@/lib/log";

const MAX_BODY_BYTES = 64 * 1024;

export interface Context<B, Q> {
  req: Request;
  body: B;
  /** the JSON body before validation (the original's `email` check must see what zod strips) */
  rawBody?: unknown;
  query: Q;
  params: Record<string, string>;
}

export type Result = Response | object;
type RouteArgs = { params: Promise<Record<string, string | string[]>> };
export type Options<B, Q> = { body?: z.ZodType<B>; query?: z.ZodType<Q>; status?: number };

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
  const known = asAppError(error);
  if (known) return withCors(req, errorResponse(known, { withMsg }));
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
      assertClaimedEmail(new URL(req.url), ctx.rawBody, user.email);
      return respond(req, await handler({ ...ctx, user }), opts.status ?? 200);
    } catch (error) {
      return fail(error, req);
    }
  };
}
