// The News, Learn and Support pages in a real browser, against the real server on a fresh database. The
// spec starts its own server (so it can point NEWS_FEEDS at a local feed server it writes) and signs in
// through the log-in page like a user.
import { expect, test, type Page } from "@playwright/test";
import { startTestServer, type TestServer } from "../support/test-server";
import { atomFeed, rssFeed, startFeedServer, type FeedServer } from "../support/feed-server";
import { apiClient, newUser } from "../support/api-client";

test.describe.configure({ mode: "serial" });

let feeds: FeedServer;
let server: TestServer;
let offline: TestServer;

const ago = (h: number) => new Date(Date.now() - h * 3600_000);

test.beforeAll(async () => {
  test.setTimeout(180_000);
  feeds = await startFeedServer();
  feeds.serve("/rss.xml", {
    body: rssFeed("CoinDesk: Bitcoin, Ethereum, Crypto News", [
      { title: "Bitcoin breaks above resistance", link: "https://rss.example/btc", guid: "e2e-1", date: ago(1).toUTCString(), descriptionXml: "<![CDATA[<p>BTC rallies<script>alert(1)</script></p>]]>" },
      { title: "Central banks meet this week", link: "https://rss.example/macro", guid: "e2e-2", date: ago(2).toUTCString(), descriptionXml: "Rates in focus." },
    ]),
  });
  feeds.serve("/atom.xml", {
    body: atomFeed("Decrypt - Article Feed", [{ title: "Ripple settlement approved; XRP jumps", link: "https://atom.example/xrp", guid: "urn:e2e:3", date: ago(3).toISOString() }]),
    contentType: "application/atom+xml",
  });
  feeds.serve("/broken.xml", { body: "<rss><channel><item>" });
  // One after the other: two Next.js servers starting at once on a 2-core machine can miss the start deadline.
  server = await startTestServer({ NEWS_FEEDS: ["/rss.xml", "/broken.xml", "/atom.xml"].map((p) => feeds.url(p)).join(","), NEWS_POLL_MS: "60000", NEWS_ALLOW_PRIVATE: "true" });
  // Nothing listens on port 9: every poll fails, as with no network.
  offline = await startTestServer({ NEWS_FEEDS: "http://127.0.0.1:9/feed.xml", NEWS_POLL_MS: "60000", NEWS_ALLOW_PRIVATE: "true" });
});

test.afterAll(async () => {
  await Promise.all([server?.close(), offline?.close()]);
  await feeds?.close();
});

async function signIn(page: Page, base: string, path: string): Promise<void> {
  const user = await newUser(apiClient(base), "e2e");
  await page.goto(`${base}/login?callbackUrl=${encodeURIComponent(path)}`);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(`${base}${path}`);
}

test("News lists the feeds' items newest first and filters them by coin", async ({ page }) => {
  await signIn(page, server.url, "/news");
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("link", { name: "Ripple settlement approved; XRP jumps" })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  const titles = page.locator("ol[aria-label='News items'] h2");
  await expect(titles).toHaveText(["Bitcoin breaks above resistance", "Central banks meet this week", "Ripple settlement approved; XRP jumps"]);
  await expect(page.getByText("BTC rallies", { exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Bitcoin breaks above resistance" })).toHaveAttribute("href", "https://rss.example/btc");
  // One of three feeds is broken: the page says so, and shows the rest.
  await expect(page.getByTestId("news-status")).toHaveText("1 of 3 news feeds could not be reached on the last check.");

  await page.getByRole("navigation", { name: "Filter by coin" }).getByRole("link", { name: "XRP", exact: true }).click();
  await page.waitForURL(/\/news\?coin=XRP$/);
  await expect(titles).toHaveText(["Ripple settlement approved; XRP jumps"]);
  await page.getByRole("navigation", { name: "Filter by coin" }).getByRole("link", { name: "LTC", exact: true }).click();
  await expect(page.getByTestId("news-empty")).toHaveText("No stored news mentions LTC yet.");
});

test("News says so when no feed can be reached, and shows nothing invented", async ({ page }) => {
  await signIn(page, offline.url, "/news");
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("news-status")).toHaveText("No news feed could be reached, so there is no news to show.", { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.locator("ol[aria-label='News items'] li")).toHaveCount(0);
});

test("Learn shows the articles with a table of contents and keeps the reader's progress", async ({ page }) => {
  await signIn(page, server.url, "/learn");
  await expect(page.getByRole("heading", { name: "Learn", level: 1 })).toBeVisible();
  await expect(page.getByTestId("learn-progress")).toHaveText(/^0 of \d+ read$/);
  await page.getByRole("link", { name: "Orders: market, stop-loss and take-profit" }).click();
  await page.waitForURL(`${server.url}/learn/orders`);

  const toc = page.getByRole("navigation", { name: "On this page" });
  await expect(toc.getByRole("link", { name: "Stop orders: SL and TP" })).toBeVisible();
  await toc.getByRole("link", { name: "Locked (fixed) balance" }).click();
  await expect(page).toHaveURL(/#locked-fixed-balance$/);
  await expect(page.locator("#locked-fixed-balance")).toBeInViewport();
  await expect(page.getByRole("table").first()).toContainText("buy the dip");

  await page.getByRole("button", { name: "Mark as read" }).click();
  await expect(page.getByTestId("article-read")).toBeVisible();
  await page.goto(`${server.url}/learn`);
  await expect(page.getByTestId("learn-progress")).toHaveText(/^1 of \d+ read$/);
  await expect(page.getByRole("listitem").filter({ hasText: "Orders: market" })).toContainText("read");
});

test("Support answers from the articles with sources, and turns an unanswered question into a ticket", async ({ page }) => {
  await signIn(page, server.url, "/support");
  const question = page.getByLabel("Your question");
  await question.fill("What is the difference between a stop loss and a take profit?");
  await page.getByRole("button", { name: "Ask", exact: true }).click();
  const reply = page.getByTestId("assistant-reply").last();
  await expect(reply).toHaveAttribute("data-confident", "true");
  await expect(reply.locator("blockquote").first()).toContainText(/stop-loss|take-profit/i);
  const source = reply.getByRole("link").first();
  await expect(source).toHaveAttribute("href", /^\/learn\/orders#/);

  // Markup in a question is plain text: shown as typed, never interpreted.
  await question.fill("<b>hello</b> <img src=x>");
  await page.getByRole("button", { name: "Ask", exact: true }).click();
  await expect(page.getByTestId("support-log")).toContainText("<b>hello</b> <img src=x>");
  await expect(page.getByTestId("support-log").locator("b, img")).toHaveCount(0);

  await question.fill("Can I trade Dogecoin futures with leverage?");
  await page.getByRole("button", { name: "Ask", exact: true }).click();
  const unsure = page.getByTestId("assistant-reply").last();
  await expect(unsure).toHaveAttribute("data-confident", "false");
  await unsure.getByRole("button", { name: "Send this question to support as a ticket" }).click();
  await expect(page.getByLabel("Subject")).toHaveValue("Can I trade Dogecoin futures with leverage?");
  await page.getByLabel("Message").fill("Can I trade Dogecoin futures with leverage? I could not find it in Learn.");
  await page.getByRole("button", { name: "Send ticket" }).click();
  await expect(page.getByTestId("ticket-status")).toContainText("Your ticket was sent");

  // The FAQ the assistant links to is on the page, each entry addressable.
  await page.goto(`${server.url}/support#faq-is-the-money-real`);
  await expect(page.locator("#faq-is-the-money-real")).toBeInViewport();
});
