// Sends NOTIFY payloads in as few statements as possible: while one statement is in flight, the payloads
// emitted meanwhile wait and go together in the next one, in emit order (under load many events cost one
// round trip; none waits longer than the statement before it, which the connection's queue made it wait
// for anyway). Each payload's promise says whether its statement was sent (false: the caller keeps it for
// the reconnect, event-outbox.ts). PostgreSQL delivers identical payloads of one transaction once, so a
// payload already in the waiting batch starts a new batch.
const MAX_BATCH = 100;

interface Batch {
  payloads: string[];
  done: ((sent: boolean) => void)[];
}

export function notifyBatcher(send: (payloads: string[]) => Promise<boolean>): (payload: string) => Promise<boolean> {
  const waiting: Batch[] = [];
  let busy = false;
  const pump = () => {
    if (busy) return;
    const next = waiting.shift();
    if (!next) return;
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
      } else waiting.push({ payloads: [payload], done: [resolve] });
      pump();
    });
}
