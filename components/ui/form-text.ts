// Reads a text field from submitted FormData (a file input would give a File: treated as empty).

/** The field's text, or "" when missing or not text. */
export function formText(data: FormData, name: string): string {
  const v = data.get(name);
  return typeof v === "string" ? v : "";
}
