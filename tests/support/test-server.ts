// Starts the real server (server.ts: Next.js production build + /ws + market worker) on a fresh database,
// fed by a fake Binance on loopback. Integration tests talk to it over HTTP only.
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import { FakeBinance } from "./fake-binance";
import { createTestDatabase, type TestDatabase } from "./test-database";
import { serverEnv, TEST_AUTH_SECRET } from "./server-env";

export interface TestServer {
  url: string;
  port: number;
  db: TestDatabase;
  binance: FakeBinance;
  env: Record<string, string>;
  logs: string[];
  /** stop the server process (the database and fake Binance stay, for a restart) */
  stopProcess(): Promise<void>;
  /** start the server process again on the same database */
  restart(extraEnv?: Record<string, string>): Promise<void>;
  close(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

async function waitUntilUp(url: string, child: ChildProcess, logs: string[]): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${logs.join("")}`);
    try {
      const r = await fetch(`${url}/api/markets`);
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server did not come up:\n${logs.join("")}`);
}

export function spawnServer(env: Record<string, string>, logs: string[], script = "server.ts"): ChildProcess {
  const child = spawn("node_modules/.bin/tsx", [script], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout?.on("data", (d: Buffer) => logs.push(d.toString()));
  child.stderr?.on("data", (d: Buffer) => logs.push(d.toString()));
  return child;
}

export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
  await exited;
  clearTimeout(timer);
}

export async function startTestServer(extraEnv: Record<string, string> = {}): Promise<TestServer> {
  const [db, binance, port] = await Promise.all([createTestDatabase(), FakeBinance.start(), freePort()]);
  const url = `http://127.0.0.1:${port}`;
  const env = serverEnv(db, binance, { PORT: String(port), APP_URL: url, NEXTAUTH_URL: url, NEXTAUTH_SECRET: TEST_AUTH_SECRET, ...extraEnv });
  const logs: string[] = [];
  let child = spawnServer(env, logs);
  await waitUntilUp(url, child, logs);
  const server: TestServer = {
    url,
    port,
    db,
    binance,
    env,
    logs,
    stopProcess: () => stopChild(child),
    async restart(more = {}) {
      await stopChild(child);
      Object.assign(env, more);
      child = spawnServer(env, logs);
      await waitUntilUp(url, child, logs);
    },
    async close() {
      await stopChild(child);
      await binance.close();
      await db.drop();
    },
  };
  return server;
}
