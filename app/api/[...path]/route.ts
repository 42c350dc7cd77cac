import { AppError, errorResponse } from "@/lib/api/errors";

// Any other /api path: a JSON 404, never an HTML page.
const notFound = (req: Request) =>
  errorResponse(new AppError("NOT_FOUND", `There is no API endpoint ${req.method} ${new URL(req.url).pathname}.`));

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
