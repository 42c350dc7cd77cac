// Sends NOTIFY payloads in as few statements as possible: a batch goes `waitMs` after its first payload or
// when the statement before it returns, whichever is later, with every payload emitted until then, in emit
// order (under load many events cost one round trip; each waits at most `waitMs` more than the statement
// before it, which the connection's queue made it wait for anyway). Each payload's promise says whether its
// statement was sent (false: the caller keeps it for the reconnect, event-outbox.ts). PostgreSQL delivers
// identical payloads of one transaction once, so a payload already in the waiting batch starts a new batch.
const MAX_BATCH = 100;

interface Batch {
  payloads: string[];
  done: ((sent: boolean) => void)[];
  /** when its first payload came (ms, performance.now) */
  since: number;
}

export function notifyBatcher(send: (payloads: string[]) => Promise<boolean>, { waitMs = 0 }: { waitMs?: number } = {}): (payload: string) => Promise<boolean> {
  const waiting: Batch[] = [];
  let busy = false;
  let timer: NodeJS.Timeout | undefined;
  const pump = () => {
    if (busy || timer) return;
    const next = waiting[0];
    if (!next) return;
    const early = next.since + waitMs - performance.now();
    if (early > 0) {
      timer = setTimeout(() => {
        timer = undefined;
        pump();
      }, early);
      return;
    }
    waiting.shift();
    busy = true;
    void send(next.payloads)
      .catch(() => false)
      .then((sent) => {
        for (const d of next.done) d(sent);
        busy = false;
        pump();
      });
  };
  return (payload) =>
    new Promise<boolean>((resolve) => {
      const last = waiting.at(-1);
      if (last && last.payloads.length < MAX_BATCH && !last.payloads.includes(payload)) {
        last.payloads.push(payload);
        last.done.push(resolve);
      } else waiting.push({ payloads: [payload], done: [resolve], since: performance.now() });
      pump();
    });
}
