// GET /api/health – liveness, with no database or market work: also the framework's baseline in the benchmarks.
import { otherMethods } from "@/lib/api/method-not-allowed";

export const dynamic = "force-dynamic";

export function GET(): Response {
  return Response.json({ status: "ok" });
}

// Any other method: a JSON 405 with Allow.
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
