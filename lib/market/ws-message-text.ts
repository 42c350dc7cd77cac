// The text of a websocket message as `ws` delivers it (one Buffer, fragments, or an ArrayBuffer).
import type { RawData } from "ws";

export function messageText(raw: RawData): string {
  if (Buffer.isBuffer(raw)) return raw.toString("utf8");
  if (Array.isArray(raw)) return Buffer.concat(raw).toString("utf8");
  return Buffer.from(raw).toString("utf8");
}
