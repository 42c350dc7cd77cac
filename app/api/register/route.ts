import { withPublic } from "@/lib/api/handler";
import { registerBody } from "@/lib/api/account-schemas";
import { registerUser } from "@/lib/auth/register-user";
import { otherMethods } from "@/lib/api/method-not-allowed";

// POST /api/register – create an account with 50,000 virtual USDT
export const POST = withPublic(
  async ({ body, req }) => {
    await registerUser({ ...body, phoneNo: body.PhoneNo, req });
    return { message: "registered successfully" };
  },
  { body: registerBody, status: 201 },
);

// Any other method: a JSON 405 with Allow.
export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
