// Request bodies of the order endpoints.
import { z } from "zod";
import { amount, coin, orderId, side } from "./schemas";

export const marketOrderBody = z.object({ base: coin, quote: coin, side, b_amount: amount });

export const stopOrderBody = z.object({ base: coin, quote: coin, side, b_amount: amount, stop: amount });

export const modifyStopBody = z
  .object({ order_id: orderId, b_amount: amount.optional(), stop: amount.optional() })
  .refine((v) => v.b_amount !== undefined || v.stop !== undefined, { message: "send b_amount and/or stop", path: ["b_amount"] });

export const cancelStopBody = z.object({ order_id: orderId.optional() });
