// One JSON log line per HTTP request of the custom server (server.ts): a request id (the caller's
// X-Request-Id when it is a plain token, else a new one; passed on to the route handlers and echoed in the
// answer), method, path without its query, status and duration. Nothing else about the caller.
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { logger } from "@/lib/log";

const REQUEST_ID = /^[\w.-]{1,64}$/;
const log = logger.child({ component: "http" });

export function logRequest(req: IncomingMessage, res: ServerResponse): string {
  const given = req.headers["x-request-id"];
  const reqId = typeof given === "string" && REQUEST_ID.test(given) ? given : randomUUID();
  req.headers["x-request-id"] = reqId;
  res.setHeader("x-request-id", reqId);
  const started = process.hrtime.bigint();
  const path = (req.url ?? "/").split("?")[0]?.slice(0, 200) ?? "/";
  res.once("finish", () => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    log.info({ reqId, method: req.method, path, status: res.statusCode, ms: Math.round(ms * 10) / 10 }, "request");
  });
  return reqId;
}
