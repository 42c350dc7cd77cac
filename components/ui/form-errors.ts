// Turns an API error into what a form shows: per-field messages from `details`, the rest as one message.
import { ApiError } from "@/components/data/api-fetch";

export interface FormErrors {
  fields: Record<string, string>;
  message?: string;
}

/** Field errors for the fields the form has; anything else becomes the form's message. */
export function formErrorsOf(error: unknown, fieldNames: string[]): FormErrors {
  if (!(error instanceof ApiError)) return { fields: {}, message: "The server could not be reached. Check your connection and try again." };
  const fields: Record<string, string> = {};
  for (const [k, v] of Object.entries(error.details)) if (fieldNames.includes(k)) fields[k] = v;
  const covered = Object.keys(fields).length > 0 && Object.keys(error.details).every((k) => fieldNames.includes(k));
  return { fields, message: covered ? undefined : error.message };
}
