// Forgot password -> the mailed link -> a new password; the reset signs out every existing session.
import { expect, newEmail, PASSWORD, registerByApi, signIn, test } from "./fixtures";

test("the link from the reset mail sets a new password and ends old sessions", async ({ page, browser, market, baseURL }) => {
  const email = newEmail("reset");
  await registerByApi(page, email);

  // A second browser stays signed in with the old password.
  const other = await browser.newContext({ baseURL });
  const otherPage = await other.newPage();
  await signIn(otherPage, email);

  await page.goto("/login");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send me a reset link" }).click();
  await expect(page.getByRole("status")).toContainText(/./);

  const mail = await market.lastMailTo(email);
  const link = /https?:\/\/\S+\/reset-password\?token=\S+/.exec(mail ?? "")?.[0];
  expect(link, "the outbox holds a reset link").toBeTruthy();
  await page.goto(link as string);
  await page.getByLabel("New password", { exact: true }).fill("a brand new password");
  await page.getByLabel("Repeat new password").fill("a brand new password");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page).toHaveURL(/\/login\?reset=1/);

  // The old password no longer works; the new one does.
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("#login-error")).toContainText("incorrect");
  await signIn(page, email, "a brand new password");

  // The other browser's session was revoked: its next page load goes to sign-in.
  await otherPage.goto("/wallet");
  await expect(otherPage).toHaveURL(/\/login/);
  await other.close();
});
