import { withPublic } from "@/lib/api/handler";
import { listNews } from "@/lib/news/list-news";
import { newsQuery } from "@/lib/news/news-query";

// GET /api/news?coin=BTC&limit=20 – stored feed items newest first (?pair=ETHBTC: that pair's coins first)
export const GET = withPublic(async ({ query }) => listNews(query), { query: newsQuery });
