// The stop price (stop, stop-limit, the OCO's stop leg), the OCO's optional stop-limit price, and the
// trailing distance with its optional activation price.
import { TextField } from "@/components/ui/text-field";
import { errorFor, PRICE_INPUT, type FieldProps } from "./field-props";

export function StopPriceField({ draft, set, pair, errors, hint }: FieldProps & { hint: string }) {
  return (
    <TextField
      name="stop"
      id="order-stop"
      label={`Stop price (${pair.quote})`}
      {...PRICE_INPUT}
      required
      value={draft.stop}
      onChange={(e) => set("stop", e.target.value)}
      hint={hint}
      error={errorFor(errors, "Stop price", "stop", "stop_price")}
    />
  );
}

export function StopLimitPriceField({ draft, set, pair, errors }: FieldProps) {
  return (
    <TextField
      name="stop_limit_price"
      id="order-stop-limit"
      label={`Stop-limit price (${pair.quote}, optional)`}
      {...PRICE_INPUT}
      value={draft.stopLimit}
      onChange={(e) => set("stopLimit", e.target.value)}
      hint="Empty: the stop leg sells or buys at the trade that fires it. Set: it becomes a limit order at this price."
      error={errorFor(errors, "Stop-limit price", "stop_limit_price")}
    />
  );
}

export function TrailingFields({ draft, set, pair, errors }: FieldProps) {
  const away = draft.side === "SELL" ? "below the highest" : "above the lowest";
  return (
    <>
      <TextField
        name="trailing_pct"
        id="order-trailing"
        label="Trailing distance (%)"
        type="number"
        inputMode="decimal"
        required
        min="0.1"
        max="20"
        step="0.01"
        value={draft.trailingPct}
        onChange={(e) => set("trailingPct", e.target.value)}
        hint={`The trigger follows the market ${away} trade price by this much (0.1 % to 20 %).`}
        error={errorFor(errors, "Trailing distance", "trailing_delta")}
      />
      <TextField
        name="activation_price"
        id="order-activation"
        label={`Activation price (${pair.quote}, optional)`}
        {...PRICE_INPUT}
        value={draft.activation}
        onChange={(e) => set("activation", e.target.value)}
        hint="Empty: it trails from now. Set: it starts trailing once a trade reaches this price."
        error={errorFor(errors, "Activation price", "activation_price")}
      />
    </>
  );
}
