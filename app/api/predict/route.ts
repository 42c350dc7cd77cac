// GET /api/predict?symbol=BTCUSDT&time=1d – forecast close for 1d, 3d or 1w from the cached model (no login)
import { z } from "zod";
import { withPublic } from "@/lib/api/handler";
import { getPrediction } from "@/lib/predict/get-prediction";
import { otherMethods } from "@/lib/api/method-not-allowed";

// TensorFlow.js and the database need Node.js, not the edge runtime.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const Query = z.object({ symbol: z.string().max(20).optional(), time: z.string().max(10).optional() });

export const GET = withPublic(async ({ query }) => getPrediction(query), { query: Query });

// Any other method: a JSON 405 with Allow.
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
