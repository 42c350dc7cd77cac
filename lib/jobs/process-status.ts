// What this process runs, for its health answer and its metrics: the market worker (server.ts with
// RUN_WORKER, worker.ts) and the /ws server register here. On globalThis, so that Next's bundled route
// handlers (GET /api/health, /api/metrics) see what the custom server registered.
export interface RunningWorker {
  readonly source: string;
  fills(): string[];
  armedCount(): number;
}

export interface RunningSockets {
  readonly clientCount: number;
}

interface Registry {
  worker: RunningWorker | null;
  sockets: RunningSockets | null;
}

const g = globalThis as unknown as { __compraventaProcess?: Registry };
const registry: Registry = (g.__compraventaProcess ??= { worker: null, sockets: null });

export function registerWorker(worker: RunningWorker | null): void {
  registry.worker = worker;
}

export function registerSockets(sockets: RunningSockets | null): void {
  registry.sockets = sockets;
}

export function runningWorker(): RunningWorker | null {
  return registry.worker;
}

export function runningSockets(): RunningSockets | null {
  return registry.sockets;
}
