// An /api path that is not valid percent-encoding (`/api/%`, `/api/wallet/%E0%A4%A`) makes Next's router
// throw before any route runs, and Next answers a plain-text 500. The custom server asks this first and
// answers such requests with the JSON error shape. (`next start` without server.ts still answers 500.)
import type { IncomingMessage, ServerResponse } from "node:http";
import { AppError } from "./errors";

function decodes(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

/** Answers a 400 and returns true when `req` is an /api request whose path does not decode. */
export function answerMalformedApiPath(req: IncomingMessage, res: ServerResponse): boolean {
  const url = req.url ?? "/";
  const path = url.split("?", 1)[0] ?? url;
  if (!(path === "/api" || path.startsWith("/api/")) || decodes(path)) return false;
  const error = new AppError("MALFORMED_URL", "The request path is not valid percent-encoding (a % must start %XX of UTF-8).");
  res.writeHead(error.status, { "content-type": "application/json", "x-content-type-options": "nosniff" });
  res.end(JSON.stringify(error.toJSON()));
  return true;
}
