// PostgreSQL LISTEN/NOTIFY as the event channel between processes: one dedicated connection (not from the
// pool: a pooled connection would lose its LISTEN) that listens and also sends (pg_notify, outside any
// transaction, so only committed changes are announced). When it drops it reconnects with backoff and
// reports the reconnect once the new LISTEN is in place, so the process's re-read (which comes after it)
// sees every change committed before any NOTIFY it could have missed.
import pg from "pg";
import type { EventChannel, EventChannelOptions } from "./event-channel";
import { notifyBatcher } from "./notify-batcher";

/** How long an event waits for others to share its NOTIFY statement (under load: far fewer statements). */
const NOTIFY_BATCH_MS = 5;

/** How the listening connection shows in pg_stat_activity (followed by "-<pid>"). */
export const EVENTS_APPLICATION_NAME = "compraventa-events";

export function pgEventChannel(url: string, opts: EventChannelOptions): EventChannel {
  let client: pg.Client | null = null;
  let ready = false;
  let stopped = false;
  let retryMs = 250;
  let timer: NodeJS.Timeout | undefined;
  let everConnected = false;
  const notify = notifyBatcher(
    async (payloads) => {
      const c = client;
      if (!c || !ready) return false;
      const sql = payloads.length === 1 ? "SELECT pg_notify($1, $2)" : "SELECT pg_notify($1, p) FROM unnest($2::text[]) AS p";
      try {
        await c.query(sql, [opts.channel, payloads.length === 1 ? payloads[0] : payloads]);
        return true;
      } catch (e) {
        opts.onLog(`${payloads.length} event(s) not sent: ${e instanceof Error ? e.message : String(e)}`);
        return false;
      }
    },
    { waitMs: NOTIFY_BATCH_MS },
  );

  const scheduleReconnect = () => {
    if (stopped || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      void connect();
    }, retryMs);
    retryMs = Math.min(retryMs * 2, 5_000);
  };

  const drop = (c: pg.Client, why: string) => {
    if (client !== c) return;
    client = null;
    ready = false;
    opts.onLog(`event channel (PostgreSQL) lost: ${why}`);
    c.removeAllListeners();
    c.on("error", () => undefined);
    void c.end().catch(() => undefined);
    scheduleReconnect();
  };

  const connect = async () => {
    if (stopped) return;
    const c = new pg.Client({ connectionString: url, keepAlive: true, application_name: `${EVENTS_APPLICATION_NAME}-${process.pid}` });
    client = c;
    c.on("error", (e) => drop(c, e.message));
    c.on("end", () => drop(c, "connection ended"));
    let ownPid: number | null = null;
    c.on("notification", (n) => {
      // this connection's own NOTIFYs come back too: the sending process has them already
      if (n.processId === ownPid) return;
      if (n.channel === opts.channel && n.payload) opts.onMessage(n.payload);
    });
    try {
      await c.connect();
      ownPid = (await c.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]!.pid;
      await c.query(`LISTEN "${opts.channel}"`);
    } catch (e) {
      drop(c, e instanceof Error ? e.message : String(e));
      return;
    }
    if (client !== c) return;
    ready = true;
    retryMs = 250;
    if (everConnected) {
      opts.onLog("event channel (PostgreSQL) reconnected");
      opts.onReconnect();
    }
    everConnected = true;
  };

  return {
    kind: "postgres",
    async start() {
      await connect();
    },
    connected: () => ready,
    publish(text) {
      if (!client || !ready) return Promise.resolve(false);
      return notify(text);
    },
    /** for tests: cut the connection as a network failure would */
    async interrupt() {
      const c = client;
      if (c) drop(c, "interrupted");
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      const c = client;
      client = null;
      ready = false;
      if (c) {
        c.removeAllListeners();
        c.on("error", () => undefined);
        await c.end().catch(() => undefined);
      }
    },
  };
}
