// The destructive action of a table row (revoke a key, delete a portfolio, remove a participant): a small
// red button whose accessible name says what it acts on ("Revoke trading bot").
export function RowDangerButton({ action, target, onClick }: { action: string; target: string; onClick: () => void }) {
  return (
    <button type="button" className="btn btn-small btn-danger" onClick={onClick} aria-label={`${action} ${target}`}>
      {action}
    </button>
  );
}
