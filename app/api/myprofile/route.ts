import { withUser } from "@/lib/api/handler";
import { profileChanges } from "@/lib/api/account-schemas";
import { getProfile } from "@/lib/account/get-profile";
import { updateProfile } from "@/lib/account/update-profile";
import { otherMethods } from "@/lib/api/method-not-allowed";

// GET /api/myprofile – details and rating of the signed-in user
export const GET = withUser(async ({ user }) => getProfile({ userId: user.id }));

// PATCH /api/myprofile – change name, age, country or phone number
export const PATCH = withUser(async ({ user, body }) => updateProfile({ userId: user.id, changes: body }), { body: profileChanges });

// Any other method: a JSON 405 with Allow.
export const { POST, PUT, DELETE, OPTIONS } = otherMethods("GET", "PATCH");
