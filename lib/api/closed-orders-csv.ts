// GET /api/transactions/closed?format=csv – the closed-orders list as a CSV download (spreadsheet-safe).
import type { Tx } from "./transaction-presenter";

/** Rows in one CSV download when no ?limit= is given: bounded work per request (about 1 MB of CSV). */
export const CSV_MAX_ROWS = 10_000;

const COLUMNS = ["order_id", "date", "time", "symbol", "side", "order_type", "status", "b_amount", "price", "stop", "q_amount", "fee"] as const;

// Quote fields with commas, quotes or line breaks; neutralise leading = + - @ so a spreadsheet never
// evaluates a cell as a formula (numbers are written by us and never start with those).
function cell(value: unknown): string {
  if (value === undefined || value === null) return "";
  let text = typeof value === "string" || typeof value === "number" || typeof value === "bigint" || typeof value === "boolean" ? String(value) : JSON.stringify(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The rows as CSV text with a header line (CRLF line ends, as RFC 4180). */
export function closedOrdersCsv(rows: Tx[]): string {
  const lines = [COLUMNS.join(",")];
  for (const row of rows) lines.push(COLUMNS.map((c) => cell((row as Record<string, unknown>)[c])).join(","));
  return lines.join("\r\n") + "\r\n";
}

/** The CSV as a download response. */
export function csvResponse(csv: string, filename: string): Response {
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
    },
  });
}
