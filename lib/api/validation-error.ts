// Zod issues -> VALIDATION_FAILED with details {field: problem}, so clients can show errors by field.
import type { z } from "zod";
import { AppError } from "./errors";

export function validationError(error: z.ZodError): AppError {
  const details: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.join(".") || "body";
    details[field] ??= issue.message;
  }
  const first = Object.entries(details)[0];
  const message = first ? `${first[0] === "body" ? "The request" : first[0]}: ${first[1]}` : "The request is invalid.";
  return new AppError("VALIDATION_FAILED", message, details);
}
