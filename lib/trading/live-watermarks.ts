// The live watermark of an active trailing stop, when the worker in this process holds it (the row's
// watermark is the one at activation). Registered by the worker; kept on globalThis so that the route
// handlers' bundle sees the same registry.
type Lookup = (orderId: string) => bigint | undefined;

const g = globalThis as unknown as { __compraventaWatermarks?: { lookup: Lookup | null } };
const registry = (g.__compraventaWatermarks ??= { lookup: null });

export function registerWatermarkLookup(lookup: Lookup | null): void {
  registry.lookup = lookup;
}

export function liveWatermark(orderId: string): bigint | undefined {
  return registry.lookup?.(orderId);
}
