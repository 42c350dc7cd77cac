// Request bodies and queries of the native order endpoints (docs/api.md "Orders (native)").
import { z } from "zod";
import { ORDER_TYPES, TIME_IN_FORCE } from "@/lib/trading/order-types";
import { CLIENT_ORDER_ID } from "@/lib/trading/client-order-id";
import { amount, side, symbol } from "./schemas";

const upperEnum = <T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z
    .string({ error: `must be one of ${values.join(", ")}` })
    .max(32, `must be one of ${values.join(", ")}`)
    .transform((s) => s.toUpperCase())
    .pipe(z.enum(values, { error: `must be ${what}: one of ${values.join(", ")}` }));

const bips = z
  .union([z.number(), z.string().max(8).regex(/^\d+$/, "must be a whole number of basis points")], { error: "must be a whole number of basis points" })
  .transform((v) => Number(v))
  .pipe(z.number().int("must be a whole number of basis points"));

const clientOrderId = z.string({ error: "must be a string" }).regex(CLIENT_ORDER_ID, "must be 1-36 letters, digits, - _ or .");

export const placeOrderBody = z.object({
  symbol,
  side,
  type: upperEnum(ORDER_TYPES, "an order type"),
  amount: amount.optional(),
  quote_amount: amount.optional(),
  price: amount.optional(),
  stop_price: amount.optional(),
  trailing_delta: bips.optional(),
  activation_price: amount.optional(),
  time_in_force: upperEnum(TIME_IN_FORCE, "a time in force").optional(),
  client_order_id: clientOrderId.optional(),
});

export const ocoOrderBody = z.object({
  symbol,
  side,
  amount,
  price: amount,
  stop_price: amount,
  stop_limit_price: amount.optional(),
  trailing_delta: bips.optional(),
  time_in_force: upperEnum(TIME_IN_FORCE, "a time in force").optional(),
  client_order_id: clientOrderId.optional(),
});

export const listOrdersQuery = z.object({
  status: z.enum(["open", "closed", "all"], { error: "must be open, closed or all" }).default("open"),
  symbol: symbol.optional(),
  limit: z.coerce.number({ error: "must be a number from 1 to 500" }).int().min(1).max(500, "must be at most 500").default(50),
  cursor: z
    .string()
    .max(12)
    .regex(/^\d+$/, "is not a cursor from next_cursor")
    .transform(Number)
    .optional(),
});

type PlaceBody = z.infer<typeof placeOrderBody>;

/** The body as the core's order request. */
export const orderRequestOf = (b: PlaceBody) => ({
  pair: b.symbol,
  side: b.side,
  type: b.type,
  amount: b.amount,
  quoteAmount: b.quote_amount,
  price: b.price,
  stopPrice: b.stop_price,
  trailingDelta: b.trailing_delta,
  activationPrice: b.activation_price,
  timeInForce: b.time_in_force,
  clientOrderId: b.client_order_id,
});
