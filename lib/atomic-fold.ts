// Folding the guarded steps of one unit of work into one PostgreSQL statement, so that a market order
// costs one network round trip instead of BEGIN + 6 statements + COMMIT. Each step becomes a
// data-modifying CTE; the main query reads their row counts in step order, and a step that changed the
// wrong number of rows makes the statement fail (an integer cast of a text naming the step), which rolls
// back every step of it. The CASE evaluates the counts one by one, in step order, and each count runs its
// step to completion: steps run, and take their row locks, in the order they are listed (the global lock
// order of lib/atomic.ts still holds), and no step after a failed guard runs.
// Pure text building; lib/atomic.ts runs the statement.

export interface FoldPart {
  /** the step's SQL with `?` placeholders (PostgreSQL dialect) */
  sql: string;
  params: readonly unknown[];
  /** rows the step must change */
  expect?: number;
  /** the step's first RETURNING row is wanted */
  row?: boolean;
}

interface Foldable {
  params?: readonly unknown[];
  fold?: { row?: string };
}

/** PostgreSQL accepts at most 65,535 parameters per statement; stay well below, and keep statements small. */
const MAX_PARAMS = 30_000;
const MAX_STEPS = 100;

/**
 * Splits the steps into runs that share one statement: consecutive folded steps, cut where a step names a
 * row already changed in the run (or the run is full). An unfolded step is a run of its own.
 */
export function foldedGroups<S extends Foldable>(steps: readonly S[]): S[][] {
  const groups: S[][] = [];
  let run: S[] = [];
  let rows = new Set<string>();
  let params = 0;
  const close = () => {
    if (run.length) groups.push(run);
    run = [];
    rows = new Set();
    params = 0;
  };
  for (const s of steps) {
    const n = s.params?.length ?? 0;
    if (!s.fold) {
      close();
      groups.push([s]);
      continue;
    }
    const key = s.fold.row;
    if ((key !== undefined && rows.has(key)) || run.length >= MAX_STEPS || params + n > MAX_PARAMS) close();
    run.push(s);
    if (key !== undefined) rows.add(key);
    params += n;
  }
  close();
  return groups;
}

const GUARD = "atomic guard";

/** The one statement of the parts, with its parameters numbered $1.. across all of them. */
export function foldStatement(parts: readonly FoldPart[]): { sql: string; params: unknown[] } {
  const shape = shapeOf(parts);
  let text = shape === null ? undefined : foldedTexts.get(shape);
  if (text === undefined) {
    text = foldText(parts);
    if (shape !== null && foldedTexts.size < MAX_SHAPES) foldedTexts.set(shape, text);
  }
  const params: unknown[] = [];
  for (const p of parts) params.push(...p.params);
  return { sql: text, params };
}

// The money path folds a few shapes of steps again and again (a market buy: guards, two balances, two ledger
// rows, the order), so the text of a shape is built once: a shape is the steps' texts (each by a small
// number, the Map hashing a constant string once), their parameter counts, guards and wanted rows. Bounded:
// past the limits a statement is built as it comes.
const MAX_SHAPES = 300;
const MAX_TEXTS = 1000;
const textIds = new Map<string, number>();
const foldedTexts = new Map<string, string>();

function shapeOf(parts: readonly FoldPart[]): string | null {
  let shape = "";
  for (const p of parts) {
    let id = textIds.get(p.sql);
    if (id === undefined) {
      if (textIds.size >= MAX_TEXTS) return null;
      textIds.set(p.sql, (id = textIds.size));
    }
    shape += `${id}:${p.params.length}:${p.expect ?? "-"}:${p.row ? 1 : 0} `;
  }
  return shape;
}

function foldText(parts: readonly FoldPart[]): string {
  let numbered = 0;
  const ctes: string[] = [];
  const columns: string[] = [];
  const checks: string[] = [];
  parts.forEach((p, i) => {
    let k = 0;
    const body = p.sql.trim().replace(/\?/g, () => `$${numbered + ++k}`);
    if (k !== p.params.length) throw new Error(`step ${i} has ${k} placeholders for ${p.params.length} parameters`);
    numbered += k;
    // A SELECT (a read-only guard, or … FOR UPDATE locking rows in its ORDER BY) counts the rows it returns;
    // a write counts its RETURNING rows.
    ctes.push(`s${i} AS (${/^SELECT\b/i.test(body) || /\bRETURNING\b/i.test(body) ? body : `${body} RETURNING 1`})`);
    columns.push(`(SELECT count(*) FROM s${i}) AS n${i}`);
    if (p.row) columns.push(`(SELECT to_jsonb(s${i}) FROM s${i} LIMIT 1) AS r${i}`);
    if (p.expect !== undefined) {
      if (!Number.isInteger(p.expect)) throw new Error(`step ${i}: expected rows must be an integer`);
      checks.push(`WHEN n${i} <> ${p.expect} THEN CAST('${GUARD} ${i}: ' || n${i} AS integer) = 0`);
    } else checks.push(`WHEN n${i} < 0 THEN false`);
  });
  return `WITH ${ctes.join(", ")} SELECT * FROM (SELECT ${columns.join(", ")}) AS c WHERE CASE ${checks.join(" ")} ELSE true END`;
}

/** The index of the step whose guard failed a folded statement, or null for any other error. */
export function guardOf(e: unknown): number | null {
  if (!(e instanceof Error) || (e as { code?: string }).code !== "22P02") return null;
  const m = new RegExp(`"${GUARD} (\\d+): `).exec(e.message);
  return m ? Number(m[1]) : null;
}
