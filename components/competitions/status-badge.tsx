// A competition's status as a small badge.
import type { CompetitionStatus } from "./competition";

const LABEL: Record<CompetitionStatus, string> = { scheduled: "starts soon", running: "running", ended: "ended" };

export function StatusBadge({ status }: { status: CompetitionStatus }) {
  return (
    <span className={`badge ${status === "running" ? "up" : ""}`} data-status={status}>
      {LABEL[status]}
    </span>
  );
}
