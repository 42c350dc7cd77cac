// Filling is shared out by pair: each pair is a lease of its own in the WorkerLease table ("pair:BTCUSDT"),
// and each worker also keeps a membership row ("worker:<holder>") alive, so every worker can count the live
// workers and hold its share: floor or ceil of pairs / workers, the larger shares to the first holders by id. A worker above its share hands the excess back
// (a new worker takes its share within two rounds); a worker below it claims free or expired pairs. A worker
// that stops hands everything back at once; one that dies (kill -9) stops renewing, and its rows expire.
//
// Timing: a round runs every ttl/5; rows are written to expire 3/5 ttl after the round, so a dead worker's
// pairs are free within 3/5 ttl of its death and claimed by a survivor's next round within 4/5 ttl, which
// leaves a fifth of LEASE_TTL_MS for the next trade to fill their orders.
// A worker acts on a pair only while its own clock is a margin short of the written expiry. Every claim is
// the one conditional write of leader-lease.ts (insert if absent, update if mine or expired): the database
// decides. Even two fillers of one pair could not fill an order twice (the OPEN -> FILLED guard).
import { atomic, type Step } from "@/lib/atomic";
import { prisma } from "@/lib/db";
import { defaultHolderId } from "./leader-lease";

export interface PairLeasesOptions {
  pairs: readonly string[];
  holder?: string;
  ttlMs: number;
  onLog?: (line: string) => void;
  /** a pair was gained (true) or lost (false) */
  onChange?: (symbol: string, held: boolean) => void;
}

const INSERT = `INSERT INTO "WorkerLease" ("name", "holder", "expiresAt") VALUES (?, ?, ?) ON CONFLICT ("name") DO NOTHING`;
const CLAIM = `UPDATE "WorkerLease" SET "holder" = ?, "expiresAt" = ? WHERE "name" = ? AND ("holder" = ? OR "expiresAt" < ?)`;
const RELEASE = `UPDATE "WorkerLease" SET "expiresAt" = 0 WHERE "name" = ? AND "holder" = ?`;
const RELEASE_ALL = `UPDATE "WorkerLease" SET "expiresAt" = 0 WHERE "holder" = ? AND ("name" LIKE 'pair:%' OR "name" LIKE 'worker:%')`;

const pairLease = (symbol: string) => `pair:${symbol}`;

/** The share of the worker at `index` (in holder order) of `pairs` among `workers`: shares differ by one at most and add up to `pairs`. */
export function fairShare(pairs: number, workers: number, index: number): number {
  const n = Math.max(1, workers);
  return Math.floor(pairs / n) + (index < pairs % n ? 1 : 0);
}

export class PairLeases {
  readonly holder: string;
  private readonly renewMs: number;
  private readonly writtenMs: number;
  private readonly marginMs: number;
  private validUntil = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  private busy: Promise<void> | null = null;
  private stopped = false;

  constructor(private readonly opts: PairLeasesOptions) {
    this.holder = opts.holder ?? defaultHolderId();
    this.renewMs = Math.max(50, Math.floor(opts.ttlMs / 5));
    this.writtenMs = opts.ttlMs - 2 * this.renewMs;
    // Stop acting half a round before the row expires: room for clock differences between processes.
    this.marginMs = Math.min(1000, Math.floor(this.renewMs / 2));
  }

  /** Whether this worker fills `symbol` now (its lease is unexpired by this clock, with a margin). */
  holds(symbol: string, now = Date.now()): boolean {
    return (this.validUntil.get(symbol) ?? 0) > now;
  }

  /** The pairs this worker fills now, in pair order. */
  held(now = Date.now()): string[] {
    return this.opts.pairs.filter((s) => this.holds(s, now));
  }

  /** One round: keep the membership alive, renew held pairs, give back the excess, claim up to the share. */
  round(): Promise<void> {
    this.busy ??= this.run().finally(() => (this.busy = null));
    return this.busy;
  }

  private async run(): Promise<void> {
    if (this.stopped) return;
    const now = Date.now();
    const expiresAt = BigInt(now + this.writtenMs);
    const claim = (name: string): Step[] => [
      { sql: INSERT, params: [name, this.holder, expiresAt] },
      { sql: CLAIM, params: [this.holder, expiresAt, name, this.holder, BigInt(now)] },
    ];
    const before = new Set(this.held(now));
    try {
      const rows = await prisma.workerLease.findMany({ where: { OR: [{ name: { startsWith: "pair:" } }, { name: { startsWith: "worker:" } }] }, select: { name: true, holder: true, expiresAt: true } });
      const live = (r: { expiresAt: bigint }) => Number(r.expiresAt) >= now;
      const members = new Set(rows.filter((r) => r.name.startsWith("worker:") && live(r)).map((r) => r.holder));
      members.add(this.holder);
      const order = [...members].sort();
      const share = fairShare(this.opts.pairs.length, order.length, order.indexOf(this.holder));
      const owner = new Map(rows.filter((r) => r.name.startsWith("pair:") && live(r)).map((r) => [r.name.slice(5), r.holder]));

      const mine = this.opts.pairs.filter((s) => owner.get(s) === this.holder || (before.has(s) && !owner.has(s)));
      const keep = mine.slice(0, share);
      const giveBack = mine.slice(share);
      // Free pairs, starting at a place of this worker's own so that starters do not all race for the same.
      const free = this.opts.pairs.filter((s) => !owner.has(s));
      const offset = free.length ? hash(this.holder) % free.length : 0;
      const wanted = [...free.slice(offset), ...free.slice(0, offset)].filter((s) => !keep.includes(s)).slice(0, Math.max(0, share - keep.length));

      const tried = [...keep, ...wanted];
      const counts = await atomic([
        ...claim(`worker:${this.holder}`),
        ...tried.flatMap((s) => claim(pairLease(s))),
        ...giveBack.map((s): Step => ({ sql: RELEASE, params: [pairLease(s), this.holder] })),
      ]);
      const validUntil = now + this.writtenMs - this.marginMs;
      tried.forEach((s, i) => {
        if (counts[3 + 2 * i] === 1) this.validUntil.set(s, validUntil);
        else this.validUntil.delete(s);
      });
      for (const s of giveBack) this.validUntil.delete(s);
    } catch (e) {
      // A failed round keeps what is held until it expires by this clock.
      this.opts.onLog?.(`pair leases: database error: ${e instanceof Error ? e.message : String(e)}`);
    }
    this.report(before);
  }

  private report(before: Set<string>): void {
    const after = new Set(this.held());
    const gained = [...after].filter((s) => !before.has(s));
    const lost = [...before].filter((s) => !after.has(s));
    for (const s of gained) this.opts.onChange?.(s, true);
    for (const s of lost) this.opts.onChange?.(s, false);
    if (gained.length || lost.length) {
      this.opts.onLog?.(`pair leases: fills ${after.size} pair(s)${gained.length ? `, gained ${gained.join(",")}` : ""}${lost.length ? `, gave up ${lost.join(",")}` : ""}`);
    }
  }

  // A first round now, then one every ttl/5.
  async start(): Promise<void> {
    await this.round();
    if (!this.timer) {
      this.timer = setInterval(() => void this.round(), this.renewMs);
      this.timer.unref();
    }
  }

  // Stops renewing and hands every pair (and the membership) back at once, so the others take over.
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.busy;
    const before = new Set(this.held());
    this.validUntil.clear();
    this.report(before);
    await atomic([{ sql: RELEASE_ALL, params: [this.holder] }]).catch(() => undefined);
  }
}

function hash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) >>> 0;
  return h;
}
