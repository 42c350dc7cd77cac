// Sends this process's events on the channel, and keeps the ones it could not send (the channel was down,
// or the send failed because the connection died under it) until the channel is back. Without it, a change
// committed while this process's connection is down is announced to nobody: the other processes' re-sync
// after their own reconnect may already have run before the commit. With it, every announced change is
// either received by a process that listens at that moment or committed before that process's re-read,
// which happens after its LISTEN / SUBSCRIBE is in place. Events that only matter live (ticks) are not
// kept. Delivery of kept events is at least once (a send whose answer was lost is sent again) and not in
// order with newer ones; every event is a "go and read" notice, so both are harmless.
import type { EventChannel } from "./event-channel";

/** Kept events at most; beyond it the oldest go (the periodic syncs are the safety net). */
export const MAX_KEPT_EVENTS = 10_000;

export interface EventOutboxCounters {
  sent(): void;
  dropped(): void;
}

export interface EventOutbox {
  /** sends now, or keeps the text for the reconnect when `keep` (else drops it) */
  publish(text: string, keep: boolean): void;
  /** the channel is back: sends what was kept */
  flush(): void;
  kept(): number;
}

export function eventOutbox(channel: Pick<EventChannel, "connected" | "publish">, count: EventOutboxCounters): EventOutbox {
  let kept: string[] = [];

  const hold = (text: string) => {
    kept.push(text);
    if (kept.length > MAX_KEPT_EVENTS) {
      kept.shift();
      count.dropped();
    }
  };

  const publish = (text: string, keep: boolean) => {
    if (!channel.connected()) {
      if (keep) hold(text);
      else count.dropped();
      return;
    }
    void channel.publish(text).then((sent) => {
      if (sent) count.sent();
      else if (keep) hold(text);
      else count.dropped();
    });
  };

  return {
    publish,
    flush() {
      const texts = kept;
      kept = [];
      for (const text of texts) publish(text, true);
    },
    kept: () => kept.length,
  };
}
