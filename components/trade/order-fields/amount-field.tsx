// The amount: in the base coin, or for market orders "spend" (BUY) / "receive" (SELL) in the quote coin.
import { TextField } from "@/components/ui/text-field";
import { errorFor, type FieldProps } from "./field-props";
import styles from "../order-form.module.css";

export function AmountField({ draft, set, pair, errors }: FieldProps) {
  const inQuote = draft.kind === "market" && draft.amountIn === "quote";
  const quoteWord = draft.side === "BUY" ? "Spend" : "Receive";
  return (
    <>
      {draft.kind === "market" && (
        <div role="group" aria-label="Amount in" className={styles.toggle}>
          <button type="button" className="btn btn-small" aria-pressed={!inQuote} onClick={() => set("amountIn", "base")}>
            {pair.base}
          </button>
          <button type="button" className="btn btn-small" aria-pressed={inQuote} onClick={() => set("amountIn", "quote")}>
            {quoteWord} {pair.quote}
          </button>
        </div>
      )}
      {inQuote ? (
        <TextField
          name="quote_amount"
          id="order-quote-amount"
          label={`${quoteWord} (${pair.quote})`}
          type="number"
          inputMode="decimal"
          required
          min="0.00000001"
          step="0.00000001"
          value={draft.amount}
          onChange={(e) => set("amount", e.target.value)}
          hint={`Buys or sells as much ${pair.base} as this pays for, rounded down to ${pair.step} ${pair.base}; the fee comes on top.`}
          error={errorFor(errors, "Amount", "quote_amount", "amount")}
        />
      ) : (
        <TextField
          name="b_amount"
          id="order-amount"
          label={`Amount (${pair.base})`}
          type="number"
          inputMode="decimal"
          required
          min={pair.step}
          step={pair.step}
          value={draft.amount}
          onChange={(e) => set("amount", e.target.value)}
          hint={`In steps of ${pair.step} ${pair.base}.`}
          error={errorFor(errors, "Amount", "b_amount", "amount")}
        />
      )}
    </>
  );
}
