import type { Metadata } from "next";
import { RegisterForm } from "@/components/auth/register-form";

export const metadata: Metadata = { title: "Create an account" };

// GET /register – sign up for 50,000 virtual USDT
export default function RegisterPage() {
  return (
    <>
      <h1>Create an account</h1>
      <p className="muted">You start with 50,000 virtual USDT. No real money is involved.</p>
      <RegisterForm />
    </>
  );
}
