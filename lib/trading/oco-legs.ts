// An OCO's two legs are `<oco id>.1` (the limit leg) and `<oco id>.2` (the stop leg): each leg knows
// its sibling without a read, and transactions touching both lock them in id order.
export const ocoLegIds = (ocoId: string): [string, string] => [`${ocoId}.1`, `${ocoId}.2`];

export function siblingOf(id: string, ocoId: string | null | undefined): string | null {
  if (!ocoId) return null;
  const [a, b] = ocoLegIds(ocoId);
  return id === a ? b : id === b ? a : null;
}
