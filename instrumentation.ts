// Next.js calls register() once when a server process starts. Under `next start` (the Vercel shape, no
// custom server) this is where the process joins the event relay, so that an order placed here reaches the
// workers at once. Under server.ts the relay is already running and this is a no-op.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return; // Next's own switch; the edge runtime has no sockets
  const { startEventRelay } = await import("./lib/market/event-relay");
  await startEventRelay();
}
