// Leader election through the WorkerLease table: whoever holds the named lease (and keeps renewing it)
// is the only worker that fills orders and writes market data. Taking or renewing the lease is one
// conditional write (insert if absent, update if mine or expired), safe on SQLite and PostgreSQL alike
// without interactive transactions: the database decides, never a read-then-write in the app.
import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import { atomic } from "@/lib/atomic";
import { env } from "@/lib/env";

export interface LeaderLeaseOptions {
  name?: string;
  holder?: string;
  ttlMs?: number;
  renewMs?: number;
  onLog?: (line: string) => void;
  /** called whenever leadership is gained or lost */
  onChange?: (leader: boolean) => void;
}

const INSERT = `INSERT INTO "WorkerLease" ("name", "holder", "expiresAt") VALUES (?, ?, ?) ON CONFLICT ("name") DO NOTHING`;
const CLAIM = `UPDATE "WorkerLease" SET "holder" = ?, "expiresAt" = ? WHERE "name" = ? AND ("holder" = ? OR "expiresAt" < ?)`;
const RELEASE = `UPDATE "WorkerLease" SET "expiresAt" = 0 WHERE "name" = ? AND "holder" = ?`;

// This process's identity in the lease table: WORKER_ID, else host, pid and a random suffix.
export function defaultHolderId(): string {
  return env.WORKER_ID ?? `${hostname()}-${process.pid}-${randomBytes(3).toString("hex")}`;
}

export class LeaderLease {
  readonly name: string;
  readonly holder: string;
  private readonly ttlMs: number;
  private readonly renewMs: number;
  private validUntil = 0;
  private leader = false;
  private timer: NodeJS.Timeout | null = null;
  private busy: Promise<boolean> | null = null;

  constructor(private readonly opts: LeaderLeaseOptions = {}) {
    this.name = opts.name ?? "market-filler";
    this.holder = opts.holder ?? defaultHolderId();
    this.ttlMs = opts.ttlMs ?? 10_000;
    this.renewMs = opts.renewMs ?? 3_000;
  }

  // True while this process holds an unexpired lease by its own clock (with a margin, so it stops acting
  // before anyone else may take over).
  isLeader(): boolean {
    return this.leader && Date.now() < this.validUntil;
  }

  // Takes the lease if it is free, expired or already ours, and extends it; returns whether we hold it.
  tryAcquire(): Promise<boolean> {
    this.busy ??= this.claim().finally(() => (this.busy = null));
    return this.busy;
  }

  private async claim(): Promise<boolean> {
    const now = Date.now();
    const expiresAt = BigInt(now + this.ttlMs);
    let won = false;
    try {
      const [, claimed] = await atomic([
        { sql: INSERT, params: [this.name, this.holder, expiresAt] },
        { sql: CLAIM, params: [this.holder, expiresAt, this.name, this.holder, BigInt(now)] },
      ]);
      won = claimed === 1;
    } catch (e) {
      this.opts.onLog?.(`lease ${this.name}: database error: ${e instanceof Error ? e.message : String(e)}`);
    }
    // A failed renewal keeps the old validity: the lease stays ours until it expires in the table.
    if (won) this.validUntil = now + this.ttlMs - Math.min(2000, this.ttlMs / 4);
    const leader = won || (this.leader && Date.now() < this.validUntil);
    if (leader !== this.leader) {
      this.leader = leader;
      this.opts.onLog?.(`lease ${this.name}: ${leader ? "now the leader" : "no longer the leader"}`);
      this.opts.onChange?.(leader);
    }
    return this.isLeader();
  }

  // Tries now, then renews (or keeps trying) every renewMs.
  async start(): Promise<boolean> {
    const won = await this.tryAcquire();
    if (!this.timer) {
      this.timer = setInterval(() => void this.tryAcquire(), this.renewMs);
      this.timer.unref();
    }
    return won;
  }

  // Stops renewing and hands the lease back at once so a standby can take over without waiting.
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.busy;
    const wasLeader = this.leader;
    this.leader = false;
    this.validUntil = 0;
    if (wasLeader) {
      this.opts.onChange?.(false);
      await atomic([{ sql: RELEASE, params: [this.name, this.holder] }]).catch(() => undefined);
    }
  }
}
