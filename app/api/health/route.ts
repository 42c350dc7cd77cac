// GET /api/health – liveness, with no database or market work: also the framework's baseline in the benchmarks.
export const dynamic = "force-dynamic";

export function GET(): Response {
  return Response.json({ status: "ok" });
}
