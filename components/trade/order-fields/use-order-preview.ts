"use client";
// Asks POST /api/orders/preview for each body a moment after the user stops typing (debounced), and
// keeps only the answer to the latest input.
import { useEffect, useRef, useState } from "react";
import { apiFetch, ApiError } from "@/components/data/api-fetch";
import type { Preview } from "@/components/orders/order";
import type { Body } from "./order-draft";

const DEBOUNCE_MS = 300;

export interface PreviewState {
  previews: Preview[] | null;
  /** the server's reason when it refuses the order as entered (validation, prices that would trigger at once…) */
  error?: string;
  /** which field the error is about, when the server says (details) */
  field?: string;
  pending: boolean;
}

const IDLE: PreviewState = { previews: null, pending: false };

/** The preview of `bodies` (null: nothing to preview yet). */
export function useOrderPreview(bodies: Body[] | null): PreviewState {
  const key = bodies ? JSON.stringify(bodies) : "";
  const [state, setState] = useState<PreviewState & { key: string }>({ ...IDLE, key: "" });
  const latest = useRef("");

  useEffect(() => {
    latest.current = key;
    if (!key) return;
    const list = JSON.parse(key) as Body[];
    const timer = setTimeout(() => {
      Promise.all(list.map((body) => apiFetch<Preview>("/api/orders/preview", { method: "POST", body })))
        .then((previews) => {
          if (latest.current === key) setState({ previews, pending: false, key });
        })
        .catch((err: unknown) => {
          if (latest.current !== key) return;
          const e = err instanceof ApiError ? err : undefined;
          const [field, problem] = Object.entries(e?.details ?? {})[0] ?? [];
          setState({ previews: null, pending: false, key, error: e ? (problem && field ? `${field}: ${problem}` : e.message) : "The preview could not be loaded.", field });
        });
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [key]);

  if (!key) return IDLE;
  // Until the answer for this input arrives, say so rather than showing the previous input's figures.
  return state.key === key ? state : { previews: null, pending: true };
}
