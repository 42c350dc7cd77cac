"use client";
// Joins a competition (a fresh portfolio with its starting balance); already joined counts as joined.
import { useState } from "react";
import { ApiError, apiFetch } from "@/components/data/api-fetch";
import { formErrorsOf } from "@/components/ui/form-errors";
import { competitionPath } from "./competition";

export function JoinButton({ id, inviteCode, onJoined }: { id: string; inviteCode?: string; onJoined: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  async function join() {
    setBusy(true);
    setError(undefined);
    try {
      await apiFetch(`${competitionPath(id)}/join`, { method: "POST", body: inviteCode ? { invite_code: inviteCode } : {} });
      onJoined();
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) return onJoined();
      setError(formErrorsOf(err, []).message ?? "Could not join.");
      setBusy(false);
    }
  }
  return (
    <>
      <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void join()}>
        {busy ? "Joining…" : "Join this competition"}
      </button>
      {error && <p className="form-error" role="alert">{error}</p>}
    </>
  );
}
