// A hostile callbackUrl on the sign-in page: signing in (or arriving signed in) ends on the dashboard, and the
// browser never asks another host for anything.
import { expect, newEmail, PASSWORD, registerByApi, test } from "./fixtures";

test("signing in with callbackUrl=/.//evil.example ends on the dashboard, not off-site", async ({ page, baseURL }) => {
  const offsite: string[] = [];
  await page.route((url) => url.hostname.endsWith("evil.example"), async (route) => {
    offsite.push(route.request().url());
    await route.abort();
  });
  const email = newEmail("callback");
  await registerByApi(page, email);

  await page.goto(`/login?callbackUrl=${encodeURIComponent("/.//evil.example")}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/dashboard/, { timeout: 20_000 });
  expect(new URL(page.url()).origin).toBe(baseURL);

  // Already signed in: the page redirects straight on, to this site only.
  await page.goto(`/login?callbackUrl=${encodeURIComponent("/..//evil.example")}`);
  await page.waitForURL(/\/dashboard/, { timeout: 20_000 });
  expect(new URL(page.url()).origin).toBe(baseURL);
  expect(offsite).toEqual([]);
});
