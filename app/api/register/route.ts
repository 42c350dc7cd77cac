import { withPublic } from "@/lib/api/handler";
import { registerBody } from "@/lib/api/account-schemas";
import { registerUser } from "@/lib/auth/register-user";

// POST /api/register – create an account with 50,000 virtual USDT
export const POST = withPublic(
  async ({ body, req }) => {
    await registerUser({ ...body, phoneNo: body.PhoneNo, req });
    return { message: "registered successfully" };
  },
  { body: registerBody, status: 201 },
);
