import { withPublic } from "@/lib/api/handler";
import { listNews } from "@/lib/news/list-news";
import { newsQuery } from "@/lib/news/news-query";
import { otherMethods } from "@/lib/api/method-not-allowed";

// GET /api/news?coin=BTC&limit=20 – stored feed items newest first (?pair=ETHBTC: that pair's coins first)
export const GET = withPublic(async ({ query }) => listNews(query), { query: newsQuery });

// Any other method: a JSON 405 with Allow.
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
