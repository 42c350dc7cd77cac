// A filter on an epoch-ms BigInt column from optional bounds (the history queries' startTime/endTime):
// undefined when neither is given.
export function timeWindow(from?: number, to?: number): { gte?: bigint; lte?: bigint } | undefined {
  if (from === undefined && to === undefined) return undefined;
  return { ...(from !== undefined ? { gte: BigInt(from) } : {}), ...(to !== undefined ? { lte: BigInt(to) } : {}) };
}
