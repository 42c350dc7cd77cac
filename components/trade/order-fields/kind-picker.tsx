// The order type buttons (Market, Limit, Stop, Stop-limit, Trailing, OCO) and the side buttons.
import type { OrderSide } from "@/components/orders/order";
import { KINDS, type Kind } from "./order-draft";
import styles from "../order-form.module.css";

export function KindPicker({ value, onChange }: { value: Kind; onChange: (k: Kind) => void }) {
  return (
    <div role="group" aria-label="Order type" className={`${styles.toggle} ${styles.kinds}`}>
      {KINDS.map(({ kind, label }) => (
        <button key={kind} type="button" className="btn btn-small" aria-pressed={value === kind} onClick={() => onChange(kind)}>
          {label}
        </button>
      ))}
    </div>
  );
}

export function SidePicker({ value, onChange }: { value: OrderSide; onChange: (s: OrderSide) => void }) {
  return (
    <div role="group" aria-label="Side" className={styles.toggle}>
      {(["BUY", "SELL"] as const).map((s) => (
        <button key={s} type="button" className={`btn btn-small ${styles[s.toLowerCase()]}`} aria-pressed={value === s} onClick={() => onChange(s)}>
          {s === "BUY" ? "Buy" : "Sell"}
        </button>
      ))}
    </div>
  );
}
