// GET /api/metrics – this process's Prometheus metrics (text exposition format); Bearer METRICS_TOKEN when set.
import { otherMethods } from "@/lib/api/method-not-allowed";
import { mayReadMetrics, METRICS_REFUSED, readMetrics } from "@/lib/jobs/read-metrics";

export const dynamic = "force-dynamic";

export async function GET(req: Request): Promise<Response> {
  if (!mayReadMetrics(req.headers.get("authorization"))) return Response.json(METRICS_REFUSED, { status: 401, headers: { "www-authenticate": "Bearer" } });
  const { contentType, text } = await readMetrics();
  return new Response(text, { headers: { "content-type": contentType, "cache-control": "no-store" } });
}

// Any other method: a JSON 405 with Allow.
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
