// Profile → API keys: create a key (label, Trade box), see key and secret once and copy them, use them
// from a bot (signed REST), list, revoke; the revoked key stops at once.
import { binanceClient } from "../support/binance-client";
import { expect, newEmail, registerByApi, signIn, test } from "./fixtures";

test("create, copy, list and revoke API keys on the Profile page", async ({ page, context, market }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const email = newEmail("keys");
  await registerByApi(page, email);
  await signIn(page, email);
  await page.goto("/profile");
  const section = page.getByRole("region", { name: "API keys" });
  await expect(section.getByText("No API keys yet.")).toBeVisible();

  await section.getByLabel("Label").fill("my bot");
  await expect(section.getByLabel("Trade (place and cancel orders)")).toBeChecked();
  await section.getByRole("button", { name: "Create key" }).click();
  const shown = section.getByRole("status");
  await expect(shown).toContainText("shown only this once");
  const apiKey = await shown.getByLabel("API key").inputValue();
  const secretKey = await shown.getByLabel("Secret key").inputValue();
  expect(apiKey).toMatch(/^[A-Za-z0-9]{64}$/);
  expect(secretKey).toMatch(/^[A-Za-z0-9]{64}$/);
  await shown.getByRole("button", { name: "Copy" }).nth(1).click();
  await expect(shown.getByRole("button", { name: "Copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secretKey);

  // A bot signs with them.
  const bn = binanceClient(market.server.url);
  const account = await bn("GET", "/api/v3/account", { apiKey, secretKey });
  expect(account).toMatchObject({ status: 200, body: { canTrade: true } });

  // The list shows the key, never the secret (also after a reload).
  const table = section.getByRole("table", { name: "API keys" });
  await expect(table.getByRole("row", { name: /my bot/ })).toContainText(apiKey);
  await expect(table.getByRole("row", { name: /my bot/ })).toContainText("READ, TRADE");
  await section.getByRole("button", { name: "I have saved it" }).click();
  await page.reload();
  await expect(page.getByText(secretKey)).toHaveCount(0);
  await expect(table.getByRole("row", { name: /my bot/ })).toContainText(apiKey);

  // A read-only key.
  await section.getByLabel("Label").fill("reader");
  await section.getByLabel("Trade (place and cancel orders)").uncheck();
  await section.getByRole("button", { name: "Create key" }).click();
  await expect(section.getByRole("status")).toContainText("reader");
  await expect(table.getByRole("row", { name: /reader/ })).toContainText("READ");
  await expect(table.getByRole("row", { name: /reader/ })).not.toContainText("TRADE");

  // Revoke the first: gone from the list, refused at once.
  page.once("dialog", (d) => void d.accept());
  await table.getByRole("button", { name: "Revoke my bot" }).click();
  await expect(table.getByRole("row", { name: /my bot/ })).toHaveCount(0);
  expect(await bn("GET", "/api/v3/account", { apiKey, secretKey })).toMatchObject({ status: 401, body: { code: -2015 } });
  await expect(table.getByRole("row", { name: /reader/ })).toBeVisible();
});
