// Limit price, time in force and post-only (limit and stop-limit orders).
import { TextField } from "@/components/ui/text-field";
import type { TimeInForce } from "@/components/orders/order";
import { errorFor, PRICE_INPUT, type FieldProps } from "./field-props";

const TIFS: readonly { tif: TimeInForce; label: string }[] = [
  { tif: "GTC", label: "GTC – good till cancelled" },
  { tif: "IOC", label: "IOC – fill at once or expire" },
  { tif: "FOK", label: "FOK – fill whole at once or expire" },
];

export function LimitPriceField({ draft, set, pair, errors, hint }: FieldProps & { hint: string }) {
  return (
    <TextField
      name="price"
      id="order-price"
      label={`Limit price (${pair.quote})`}
      {...PRICE_INPUT}
      required
      value={draft.price}
      onChange={(e) => set("price", e.target.value)}
      hint={hint}
      error={errorFor(errors, "Limit price", "price")}
    />
  );
}

export function TimeInForceField({ draft, set, errors, allowPostOnly }: FieldProps & { allowPostOnly: boolean }) {
  const postOnly = allowPostOnly && draft.postOnly;
  const error = errorFor(errors, "Time in force", "time_in_force");
  return (
    <>
      <div className="field">
        <label htmlFor="order-tif">Time in force</label>
        <select id="order-tif" name="time_in_force" className="input" value={draft.tif} disabled={postOnly} onChange={(e) => set("tif", e.target.value as TimeInForce)} aria-describedby={error ? "order-tif-error" : undefined}>
          {TIFS.map((t) => (
            <option key={t.tif} value={t.tif}>
              {t.label}
            </option>
          ))}
        </select>
        {error && (
          <span id="order-tif-error" className="error" role="alert">
            {error}
          </span>
        )}
      </div>
      {allowPostOnly && (
        <div className="field">
          <label>
            <input type="checkbox" name="post_only" checked={draft.postOnly} onChange={(e) => set("postOnly", e.target.checked)} /> Post-only (maker only: refused if it
            would fill at once)
          </label>
        </div>
      )}
    </>
  );
}
