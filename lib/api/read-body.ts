// A request body as text, read as a stream and counted on the way: the read stops at the limit, so a
// chunked body without Content-Length (or one that lies about it) never sits whole in memory. The
// answer to an oversized body closes the connection: the rest is never read (Node would otherwise drain it).
import { AppError } from "./errors";

const tooLarge = (max: number) =>
  new AppError("PAYLOAD_TOO_LARGE", `The request body must be at most ${max} bytes.`, undefined, { connection: "close" });

export async function readBodyText(req: Request, maxBytes: number): Promise<string> {
  if (Number(req.headers.get("content-length") ?? "0") > maxBytes) throw tooLarge(maxBytes);
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      // Not cancel(): that destroys the socket before the 413 is written. Stop pulling instead; the
      // connection closes once the answer is out.
      reader.releaseLock();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
