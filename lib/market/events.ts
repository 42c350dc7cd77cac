// The event bus between the market worker, the trading use cases and the /ws server. Kept on globalThis so
// that the custom server and Next.js's separately bundled route handlers see one bus. Under it, when a relay
// is attached (lib/market/event-relay.ts: PostgreSQL LISTEN/NOTIFY or Redis pub/sub), every emit is also
// published to the other processes, and their events are delivered here: listeners get both, and the
// second argument tells them apart (a per-process chore, like a snapshot after a fill, skips remote ones).
import type { OpenOrder as OpenStopOrder } from "@/lib/trading/open-order";
import type { ReplayState } from "./replay/replay-registry";
import type { MarketSource } from "./types";

export interface TickEvent {
  symbol: string;
  price: number;
  tradeId: string;
  time: number;
  source: MarketSource;
}

export interface TickerEvent {
  symbol: string;
  price: number;
  open: number;
  high: number;
  low: number;
  volume: number;
  quoteVolume: number;
  change_pct_24h: number | null;
  time: number;
  source: MarketSource;
}

export interface FillEvent {
  portfolioId: string;
  orderId: string;
  outcome: "FILLED" | "REJECTED";
}

/** Logins of a user ended: `familyId` alone, or all of them but `exceptFamilyId` (none given: all). */
export interface SessionsRevokedEvent {
  userId: string;
  familyId?: string;
  exceptFamilyId?: string;
}

/** One of a portfolio's orders was placed, filled, cancelled, expired, rejected or triggered. */
export interface OrderChangedEvent {
  portfolioId: string;
  orderId: string;
  /** only a trailing stop's trigger moved (the pages show it; Binance's user data stream reports nothing) */
  triggerMoved?: boolean;
}

/** An API key was revoked (after commit): its cached secret is dropped, its user-data streams end. */
export interface ApiKeyRevokedEvent {
  userId: string;
  keyId: string;
}

export interface MarketEvents {
  tick: TickEvent;
  ticker: TickerEvent;
  "order-armed": OpenStopOrder;
  "order-disarmed": { id: string; symbol: string };
  fill: FillEvent;
  "sessions-revoked": SessionsRevokedEvent;
  "order-changed": OrderChangedEvent;
  /** the account was reset: every balance changed (its open orders announce themselves as "order-changed") */
  "account-reset": { portfolioId: string };
  "api-key-revoked": ApiKeyRevokedEvent;
  /** a listenKey was closed (DELETE /api/v3/userDataStream): its /ws/<listenKey> sockets end */
  "listen-key-closed": { listenKeyId: string };
  /** local only: the relay reconnected after a drop and events may have been missed: re-read what matters */
  "events-resync": Record<string, never>;
  /** the replay's clock: every second, and at once on pause, resume or a new speed */
  replay: ReplayState;
}

export interface EventOrigin {
  /** true when the event was emitted by another process and delivered by the relay */
  remote: boolean;
}

/** What the bus hands every emit to, after its local listeners (lib/market/event-relay.ts). */
export interface EventPublisher {
  publish<K extends keyof MarketEvents>(name: K, event: MarketEvents[K]): void;
}

type Listener<K extends keyof MarketEvents> = (event: MarketEvents[K], origin: EventOrigin) => void;

const LOCAL: EventOrigin = Object.freeze({ remote: false });
const REMOTE: EventOrigin = Object.freeze({ remote: true });

class EventBus {
  private listeners = new Map<keyof MarketEvents, Set<(e: never, o: EventOrigin) => void>>();
  private publisher: EventPublisher | null = null;

  on<K extends keyof MarketEvents>(name: K, listener: Listener<K>): () => void {
    let set = this.listeners.get(name);
    if (!set) this.listeners.set(name, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  // Emitted here (always after the change committed): this process's listeners, then the other processes.
  // A listener that throws must not break the emitter (a use case that just committed an order).
  emit<K extends keyof MarketEvents>(name: K, event: MarketEvents[K]): void {
    this.dispatch(name, event, LOCAL);
    this.publisher?.publish(name, event);
  }

  /** An event of another process, from the relay: this process's listeners only. */
  deliver<K extends keyof MarketEvents>(name: K, event: MarketEvents[K]): void {
    this.dispatch(name, event, REMOTE);
  }

  setPublisher(publisher: EventPublisher | null): void {
    this.publisher = publisher;
  }

  private dispatch<K extends keyof MarketEvents>(name: K, event: MarketEvents[K], origin: EventOrigin): void {
    const set = this.listeners.get(name);
    if (!set) return;
    for (const listener of [...set]) {
      try {
        (listener as Listener<K>)(event, origin);
      } catch (e) {
        console.error(`market event listener for "${name}" failed:`, e instanceof Error ? e.message : e);
      }
    }
  }

  listenerCount(name: keyof MarketEvents): number {
    return this.listeners.get(name)?.size ?? 0;
  }
}

const g = globalThis as unknown as { __compraventaMarketEvents?: EventBus };

// marketEvents.emit("order-armed", order) after placing or modifying a stop order; .on("fill", ...) to hear fills.
export const marketEvents: EventBus = (g.__compraventaMarketEvents ??= new EventBus());
