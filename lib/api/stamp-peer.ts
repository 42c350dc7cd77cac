// For the custom server: write the socket's peer address into the internal header that lib/api/client-ip.ts
// reads, replacing anything a client sent under that name, before Next.js sees the request.
import type { IncomingMessage } from "node:http";
import { PEER_HEADER, STAMPING_FLAG, normalizeIp } from "./client-ip";

export function stampPeer(req: IncomingMessage): void {
  (globalThis as Record<symbol, unknown>)[STAMPING_FLAG] = true;
  const peer = normalizeIp(req.socket.remoteAddress) ?? "";
  req.headers[PEER_HEADER] = peer;
  const raw: string[] = [];
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    if (req.rawHeaders[i]?.toLowerCase() !== PEER_HEADER) raw.push(req.rawHeaders[i] ?? "", req.rawHeaders[i + 1] ?? "");
  }
  req.rawHeaders = [...raw, PEER_HEADER, peer];
}
