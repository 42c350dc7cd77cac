// What every group of order fields receives: the draft, a setter for one field, the pair, and the
// server's per-field messages (keys as the API names them: amount, price, stop_price…).
import type { PairInfo } from "../types";
import type { Draft } from "./order-draft";

export interface FieldProps {
  draft: Draft;
  set: <K extends keyof Draft>(key: K, value: Draft[K]) => void;
  pair: PairInfo;
  errors: Record<string, string>;
}

/** The first message the server gave for any of `names`, prefixed with the field's label. */
export function errorFor(errors: Record<string, string>, label: string, ...names: string[]): string | undefined {
  for (const n of names) if (errors[n]) return `${label} ${errors[n]}`;
  return undefined;
}

/** Every API field name the form shows errors next to. */
export const FIELD_NAMES = ["b_amount", "amount", "quote_amount", "price", "stop", "stop_price", "stop_limit_price", "trailing_delta", "activation_price", "time_in_force"];

export const PRICE_INPUT = { type: "number", inputMode: "decimal", min: "0.00000001", step: "0.00000001" } as const;
