// GET /api/metrics – this process's Prometheus metrics (text exposition format); Bearer METRICS_TOKEN when set.
import { errorResponse } from "@/lib/api/errors";
import { otherMethods } from "@/lib/api/method-not-allowed";
import { mayReadMetrics, metricsRefused, readMetrics } from "@/lib/jobs/read-metrics";

export const dynamic = "force-dynamic";

export async function GET(req: Request): Promise<Response> {
  if (!mayReadMetrics(req.headers.get("authorization"))) return errorResponse(metricsRefused());
  const { contentType, text } = await readMetrics();
  return new Response(text, { headers: { "content-type": contentType, "cache-control": "no-store" } });
}

// Any other method: a JSON 405 with Allow.
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
