// How a bus event travels between processes: a small JSON envelope {o: sender, n: name, e: payload}, well
// under PostgreSQL NOTIFY's 8000-byte limit. Payloads carry ids, and the receiver reads what it needs: an
// order announced for arming travels as {id, symbol} and is read back from its row by a process that arms
// orders. Ticks and tickers travel only from the worker that fills their pair (one sender per pair), and a
// process that runs its own feed ignores them. Events not listed here travel as they are.
import type { MarketEvents } from "./events";

export type EventName = keyof MarketEvents;

/** NOTIFY refuses payloads of 8000 bytes or more; keep a margin for the envelope. */
export const MAX_WIRE_BYTES = 7900;

/** Events that mean something only in the process that emitted them. */
const LOCAL_ONLY = new Set<EventName>(["events-resync"]);

export interface Envelope {
  o: string;
  n: EventName;
  e: unknown;
}

// The text to publish for an event, or null when it stays in this process (or would not fit).
export function encodeEvent<K extends EventName>(sender: string, name: K, event: MarketEvents[K]): string | null {
  if (LOCAL_ONLY.has(name)) return null;
  let payload: unknown = event;
  if (name === "order-armed") {
    const o = event as MarketEvents["order-armed"];
    payload = { id: o.id, symbol: o.symbol };
  }
  let text: string;
  try {
    text = JSON.stringify({ o: sender, n: name, e: payload } satisfies Envelope);
  } catch {
    return null; // a BigInt or a cycle: not a wire event
  }
  return Buffer.byteLength(text) <= MAX_WIRE_BYTES ? text : null;
}

// The envelope of a received text, or null when it is not one (another program on the channel).
export function decodeEnvelope(text: string): Envelope | null {
  if (text.length > MAX_WIRE_BYTES * 2) return null;
  try {
    const v = JSON.parse(text) as Partial<Envelope> | null;
    if (!v || typeof v.o !== "string" || typeof v.n !== "string" || typeof v.e !== "object" || v.e === null) return null;
    return v as Envelope;
  } catch {
    return null;
  }
}
