// Redis pub/sub as the event channel between processes (when REDIS_URL is set): ioredis, one connection to
// publish and one subscribed (a subscribed connection can do nothing else). ioredis reconnects by itself;
// after each reconnect of the subscriber this channel subscribes again itself and reports the reconnect
// only once Redis confirmed the SUBSCRIBE (ioredis's own resubscribe announces "ready" before it is
// confirmed), so the process's re-read comes after it listens. The connections are named
// compraventa-events-sub-<pid> / -pub-<pid> in CLIENT LIST.
import { Redis } from "ioredis";
import type { EventChannel, EventChannelOptions } from "./event-channel";

/** How the channel's connections show in Redis's CLIENT LIST (followed by "-sub-<pid>" or "-pub-<pid>"). */
export const EVENTS_CONNECTION_NAME = "compraventa-events";

export function redisEventChannel(url: string, opts: EventChannelOptions): EventChannel {
  const redisOptions = { lazyConnect: true, maxRetriesPerRequest: 2, retryStrategy: (n: number) => Math.min(250 * 2 ** n, 5_000) };
  const pub = new Redis(url, { ...redisOptions, connectionName: `${EVENTS_CONNECTION_NAME}-pub-${process.pid}` });
  const sub = new Redis(url, { ...redisOptions, autoResubscribe: false, connectionName: `${EVENTS_CONNECTION_NAME}-sub-${process.pid}` });
  let started = false;
  let stopped = false;
  for (const [name, c] of [["publisher", pub], ["subscriber", sub]] as const) {
    c.on("error", (e: Error) => opts.onLog(`event channel (Redis ${name}): ${e.message}`));
  }
  sub.on("message", (channel: string, message: string) => {
    if (channel === opts.channel) opts.onMessage(message);
  });
  sub.on("ready", () => {
    if (!started || stopped) return;
    sub.subscribe(opts.channel).then(
      () => {
        opts.onLog("event channel (Redis) reconnected");
        opts.onReconnect();
      },
      // the connection dropped again: its next "ready" subscribes again
      (e: unknown) => opts.onLog(`event channel (Redis) resubscribe failed: ${e instanceof Error ? e.message : String(e)}`),
    );
  });
  pub.on("ready", () => {
    if (started && !stopped) opts.onWritable?.();
  });
  sub.on("end", () => {
    if (!stopped) opts.onLog("event channel (Redis) closed");
  });

  return {
    kind: "redis",
    async start() {
      await Promise.all([pub.connect(), sub.connect()]);
      await sub.subscribe(opts.channel);
      started = true;
    },
    connected: () => pub.status === "ready" && sub.status === "ready",
    async publish(text) {
      if (pub.status !== "ready") return false;
      try {
        await pub.publish(opts.channel, text);
        return true;
      } catch (e) {
        opts.onLog(`event not sent: ${e instanceof Error ? e.message : String(e)}`);
        return false;
      }
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
