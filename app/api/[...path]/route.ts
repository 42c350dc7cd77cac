import { withCors } from "@/lib/api/cors";
import { AppError, errorResponse } from "@/lib/api/errors";

// Any other /api path: a JSON 404, never an HTML page (with CORS headers, so a frontend on an allowed
// origin can read it).
const notFound = (req: Request) =>
  withCors(req, errorResponse(new AppError("NOT_FOUND", `There is no API endpoint ${req.method} ${new URL(req.url).pathname}.`)));

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
export const OPTIONS = (req: Request) => withCors(req, new Response(null, { status: 204 }));
