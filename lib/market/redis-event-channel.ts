// Redis pub/sub as the event channel between processes (when REDIS_URL is set): ioredis, one connection to
// publish and one subscribed (a subscribed connection can do nothing else). ioredis reconnects and
// resubscribes by itself; every "ready" after the first is reported as a reconnect so the process re-syncs.
import { Redis } from "ioredis";
import type { EventChannel, EventChannelOptions } from "./event-channel";

export function redisEventChannel(url: string, opts: EventChannelOptions): EventChannel {
  const redisOptions = { lazyConnect: true, maxRetriesPerRequest: 2, retryStrategy: (n: number) => Math.min(250 * 2 ** n, 5_000) };
  const pub = new Redis(url, redisOptions);
  const sub = new Redis(url, redisOptions);
  let readyOnce = false;
  let stopped = false;
  for (const [name, c] of [["publisher", pub], ["subscriber", sub]] as const) {
    c.on("error", (e: Error) => opts.onLog(`event channel (Redis ${name}): ${e.message}`));
  }
  sub.on("message", (channel: string, message: string) => {
    if (channel === opts.channel) opts.onMessage(message);
  });
  sub.on("ready", () => {
    if (readyOnce && !stopped) {
      opts.onLog("event channel (Redis) reconnected");
      opts.onReconnect();
    }
    readyOnce = true;
  });
  sub.on("end", () => {
    if (!stopped) opts.onLog("event channel (Redis) closed");
  });

  return {
    kind: "redis",
    async start() {
      await Promise.all([pub.connect(), sub.connect()]);
      await sub.subscribe(opts.channel);
    },
    connected: () => pub.status === "ready" && sub.status === "ready",
    publish(text) {
      if (pub.status !== "ready") return false;
      pub.publish(opts.channel, text).catch((e: unknown) => opts.onLog(`event not sent: ${e instanceof Error ? e.message : String(e)}`));
      return true;
    },
    async interrupt() {
      sub.disconnect(true);
    },
    async stop() {
      stopped = true;
      await Promise.all([pub.quit().catch(() => pub.disconnect()), sub.quit().catch(() => sub.disconnect())]);
    },
  };
}
