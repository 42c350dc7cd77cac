"use client";
// Cost, fee, total and lock of the order as entered, from the server's preview (debounced), so the
// user sees what submitting would do before doing it. Not a live region: it changes while typing.
import type { OrderSide } from "@/components/orders/order";
import type { PairInfo } from "../types";
import type { Body, Kind } from "./order-draft";
import { summarize } from "./preview-summary";
import { useOrderPreview } from "./use-order-preview";
import styles from "../order-form.module.css";

export function PreviewBox({ kind, side, bodies, pair }: { kind: Kind; side: OrderSide; bodies: Body[] | null; pair: PairInfo }) {
  const state = useOrderPreview(bodies);
  if (!bodies) return null;
  const summary = state.previews ? summarize(kind, side, state.previews, pair) : null;
  return (
    <div className={styles.preview} data-testid="order-preview" aria-busy={state.pending}>
      {state.pending && <p className="hint">Working out the cost…</p>}
      {state.error && <p className={styles.previewError}>{state.error}</p>}
      {summary && (
        <>
          <dl className={styles.previewRows}>
            {summary.rows.map((r) => (
              <div key={r.label}>
                <dt>{r.label}</dt>
                <dd className="num">{r.value}</dd>
              </div>
            ))}
          </dl>
          <p className="hint">{summary.note}</p>
        </>
      )}
    </div>
  );
}
