// A short publisher name for a feed: "CoinDesk: Bitcoin, Ethereum, …" -> "CoinDesk",
// "Decrypt - Article Feed" -> "Decrypt"; the host name when the feed has no usable title.
import { htmlToPlainText } from "./plain-text";

/** The name shown next to each item of the feed at `url`. */
export function sourceName(feedTitle: string | undefined, url: string): string {
  const title = htmlToPlainText(feedTitle ?? "", 200);
  const short = title.split(/\s+[-|–—]\s+|:\s/)[0]?.trim();
  if (short && short.length <= 40) return short;
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return "unknown";
  }
}
