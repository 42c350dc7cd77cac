// Sends NOTIFY payloads in as few statements as possible: while one statement is in flight, the payloads
// emitted meanwhile wait and go together in the next one, in emit order (under load many events cost one
// round trip; none waits longer than the statement before it, which the connection's queue made it wait
// for anyway). PostgreSQL delivers identical payloads of one transaction once, so a payload already in the
// waiting batch starts a new batch.
const MAX_BATCH = 100;

export function notifyBatcher(send: (payloads: string[]) => Promise<void>): (payload: string) => void {
  const waiting: string[][] = [];
  let busy = false;
  const pump = () => {
    if (busy) return;
    const next = waiting.shift();
    if (!next) return;
    busy = true;
    // a failed send is the sender's to report; the next batch goes on
    void send(next)
      .catch(() => undefined)
      .finally(() => {
        busy = false;
        pump();
      });
  };
  return (payload) => {
    const last = waiting.at(-1);
    if (last && last.length < MAX_BATCH && !last.includes(payload)) last.push(payload);
    else waiting.push([payload]);
    pump();
  };
}
