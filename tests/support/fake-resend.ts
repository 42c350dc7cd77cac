// A stand-in for Resend's HTTP API on loopback: accepts POST /emails with a Bearer key and answers {id},
// recording what it was sent; can be told to fail.
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface SentMail {
  from: string;
  to: string | string[];
  subject: string;
  text?: string;
  authorization?: string;
}

export async function startFakeResend() {
  const sent: SentMail[] = [];
  let failing = false;
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      if (req.method !== "POST" || req.url !== "/emails") {
        res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ name: "not_found", message: "Not found" }));
        return;
      }
      if (failing) {
        res.writeHead(422, { "content-type": "application/json" }).end(JSON.stringify({ name: "validation_error", message: "refused" }));
        return;
      }
      sent.push({ ...(JSON.parse(body) as SentMail), authorization: req.headers.authorization });
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ id: `re_${sent.length}` }));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    sent,
    fail(on: boolean) {
      failing = on;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
