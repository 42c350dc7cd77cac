// The original's optional `email` parameter: every email a request claims (each `email` of the query
// string, and the JSON body's, which zod strips from the validated body) must be the signed-in user's.
// A body `email` that is neither a string nor null (not given) is refused too.
import { AppError } from "./errors";

const refused = () => new AppError("UNAUTHENTICATED", "The email does not belong to the signed-in user.");

// An email holds no space: one here is a '+' the original frontend left unencoded in the query string.
const normalise = (email: string) => email.trim().replaceAll(" ", "+").toLowerCase();

export function assertClaimedEmail(url: URL, rawBody: unknown, userEmail: string): void {
  const claimed = url.searchParams.getAll("email");
  if (rawBody !== null && typeof rawBody === "object" && !Array.isArray(rawBody) && Object.hasOwn(rawBody, "email")) {
    const email = (rawBody as { email?: unknown }).email;
    if (typeof email === "string") claimed.push(email);
    else if (email !== null) throw refused();
  }
  if (claimed.some((email) => normalise(email) !== userEmail)) throw refused();
}
