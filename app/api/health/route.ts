// GET /api/health – liveness and what this app process runs: {status, ok, source, stale, fills, armed,
// ws_clients, events}. No database work when this process runs the feed (the benchmarks' baseline).
import { otherMethods } from "@/lib/api/method-not-allowed";
import { getHealth } from "@/lib/jobs/get-health";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  return Response.json({ status: "ok", ...(await getHealth()) }, { headers: { "cache-control": "no-store" } });
}

// Any other method: a JSON 405 with Allow.
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
