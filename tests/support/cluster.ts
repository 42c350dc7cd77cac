// The distributed shape on one PostgreSQL: app processes (server.ts with RUN_WORKER=false, or `next start`
// alone) and market workers (worker.ts), all real processes on loopback, fed by one fake Binance.
import type { ChildProcess } from "node:child_process";
import { spawn } from "node:child_process";
import { WebSocket } from "ws";
import { FakeBinance } from "./fake-binance";
import { freePort, stopChild } from "./test-server";
import { createTestDatabase, type TestDatabase } from "./test-database";
import { waitFor } from "./wait-for";
import { serverEnv } from "./server-env";

export interface Proc {
  url: string;
  port: number;
  logs: string[];
  child: ChildProcess;
  /** kill -9: no shutdown, no lease handed back */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

export interface Cluster {
  db: TestDatabase;
  binance: FakeBinance;
  env: Record<string, string>;
  apps: Proc[];
  workers: Proc[];
  close(): Promise<void>;
}

export interface ClusterOptions {
  apps: number;
  workers: number;
  env?: Record<string, string>;
  /** "server" (server.ts, RUN_WORKER=false) or "next" (`next start` alone, as Vercel runs it) */
  app?: "server" | "next";
}

export interface Health {
  ok: boolean;
  source: string | null;
  stale: boolean;
  fills: string[];
  armed: number;
  ws_clients: number;
  events: string;
}

function proc(child: ChildProcess, port: number, logs: string[]): Proc {
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    logs,
    child,
    async kill() {
      if (gone(child)) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGKILL");
      await exited;
    },
    stop: async () => {
      if (!gone(child)) await stopChild(child);
    },
  };
}

const gone = (c: ChildProcess) => c.exitCode !== null || c.signalCode !== null;

// `node --import tsx`, not the tsx CLI: the CLI runs the script in a child of its own, and a SIGKILL of the
// CLI would leave that child running.
function spawnScript(script: string, env: Record<string, string>, logs: string[]): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", script], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout?.on("data", (d: Buffer) => logs.push(d.toString()));
  child.stderr?.on("data", (d: Buffer) => logs.push(d.toString()));
  return child;
}

async function up(p: Proc, path: string): Promise<void> {
  await waitFor(async () => {
    if (p.child.exitCode !== null) throw new Error(`process exited with ${p.child.exitCode}:\n${p.logs.join("")}`);
    try {
      return (await fetch(`${p.url}${path}`)).ok;
    } catch {
      return false;
    }
  }, `${p.url}${path} to answer`, 180_000).catch((e: unknown) => {
    throw new Error(`${e instanceof Error ? e.message : String(e)}; its last output:\n${p.logs.join("").slice(-3000)}`);
  });
}

export async function health(p: Proc, path = "/healthz"): Promise<Health> {
  return (await (await fetch(`${p.url}${path}`)).json()) as Health;
}

export async function startWorker(env: Record<string, string>, port?: number): Promise<Proc> {
  port ??= await freePort();
  const logs: string[] = [];
  const child = spawnScript("worker.ts", { ...env, PORT: String(port) }, logs);
  const p = proc(child, port, logs);
  await up(p, "/healthz");
  return p;
}

export async function startApp(env: Record<string, string>, kind: "server" | "next" = "server", port?: number): Promise<Proc> {
  port ??= await freePort();
  const logs: string[] = [];
  let child: ChildProcess;
  if (kind === "server") child = spawnScript("server.ts", { ...env, PORT: String(port), RUN_WORKER: "false" }, logs);
  else {
    child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], { env: { ...process.env, ...env, PORT: String(port) }, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout?.on("data", (d: Buffer) => logs.push(d.toString()));
    child.stderr?.on("data", (d: Buffer) => logs.push(d.toString()));
  }
  const p = proc(child, port, logs);
  await up(p, "/api/health");
  return p;
}

export async function startCluster(opts: ClusterOptions): Promise<Cluster> {
  const [db, binance] = await Promise.all([createTestDatabase(), FakeBinance.start()]);
  const env = serverEnv(db, binance, { LOG_LEVEL: "info", ...opts.env });
  const cluster: Cluster = { db, binance, env, apps: [], workers: [], close: async () => undefined };
  cluster.close = async () => {
    await Promise.all([...cluster.apps, ...cluster.workers].map((p) => p.stop()));
    await binance.close();
    await db.drop();
  };
  try {
    // Workers one after the other (each takes its share), apps side by side.
    for (let i = 0; i < opts.workers; i++) cluster.workers.push(await startWorker({ ...env, WORKER_ID: `worker-${i + 1}` }));
    cluster.apps.push(...(await Promise.all(Array.from({ length: opts.apps }, () => startApp(env, opts.app)))));
  } catch (e) {
    await cluster.close();
    throw e;
  }
  return cluster;
}

/** A signed-in socket on `base`'s /ws (token auth), collecting every message. */
export async function openSocket(base: string, token: string): Promise<{ ws: WebSocket; messages: Record<string, unknown>[]; close(): void }> {
  const ws = new WebSocket(`${base.replace(/^http/, "ws")}/ws`);
  const messages: Record<string, unknown>[] = [];
  ws.on("message", (d: Buffer) => messages.push(JSON.parse(d.toString()) as Record<string, unknown>));
  await new Promise<void>((resolve, reject) => {
    ws.once("open", () => resolve());
    ws.once("error", reject);
  });
  ws.send(JSON.stringify({ type: "auth", token }));
  await waitFor(async () => messages.some((m) => m.type === "authenticated"), "the socket to authenticate");
  return { ws, messages, close: () => ws.close() };
}
