// The caps on websocket upgrades that /ws and /ws-api/v3 share: sockets in all and per client address,
// counted from the upgrade request to the TCP close (handshakes included). Each endpoint has its own gate
// and answers a refusal in its own API's error shape.
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";

export interface UpgradeGateOptions {
  /** sockets in all (0 = no cap) */
  maxClients: number;
  /** sockets per client address (0 = no cap) */
  maxPerIp: number;
  /** the JSON body of a refusal, in the endpoint's dialect */
  refusalBody: (message: string) => string;
}

export function upgradeGate({ maxClients, maxPerIp, refusalBody }: UpgradeGateOptions) {
  let sockets = 0;
  const byIp = new Map<string, number>();

  const answer = (socket: Duplex, status: string, body: string) => {
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`, () => socket.destroy());
  };

  const refuse = (socket: Duplex, status: string, message: string) => answer(socket, status, refusalBody(message));

  return {
    /** Answers an upgrade with an HTTP error of the endpoint's own (a JSON body) and closes the socket. */
    reject: answer,
    /** Counts the upgrade until its socket closes, or answers 503/429 on the socket and returns false. */
    admit(req: IncomingMessage, socket: Duplex): boolean {
      const ip = req.socket.remoteAddress ?? "unknown";
      const fromIp = byIp.get(ip) ?? 0;
      if (maxClients > 0 && sockets >= maxClients) {
        refuse(socket, "503 Service Unavailable", "Too many live connections: try again later.");
        return false;
      }
      if (maxPerIp > 0 && fromIp >= maxPerIp) {
        refuse(socket, "429 Too Many Requests", "Too many live connections from this address.");
        return false;
      }
      sockets++;
      byIp.set(ip, fromIp + 1);
      socket.once("close", () => {
        sockets--;
        const n = (byIp.get(ip) ?? 1) - 1;
        if (n > 0) byIp.set(ip, n);
        else byIp.delete(ip);
      });
      return true;
    },
  };
}
