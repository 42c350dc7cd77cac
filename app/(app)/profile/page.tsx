import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/current-user";
import { getProfile } from "@/lib/account/get-profile";
import { ProfileForm } from "@/components/account/profile-form";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { ResetAccount } from "@/components/account/reset-account";
import { SignOutButton } from "@/components/account/sign-out-button";
import { Stars } from "@/components/wallet/stars";
import { ApiKeys } from "@/components/account/api-keys";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { presentApiKey } from "@/lib/api/api-key-presenter";

export const metadata: Metadata = { title: "Profile" };

// GET /profile – details, password, API keys, account reset and sign out
export default async function ProfilePage() {
  const user = await currentUser();
  if (!user) redirect("/login");
  const [p, keys] = await Promise.all([getProfile({ userId: user.id }), listApiKeys({ userId: user.id })]);
  return (
    <>
      <h1>Profile</h1>
      <p className="muted">
        Rank {p.rating.rank} of {p.rating.users} · <Stars count={p.rating.stars} />
      </p>
      <div style={{ display: "grid", gap: "var(--gap)", gridTemplateColumns: "repeat(auto-fit, minmax(min(100%, 340px), 1fr))", alignItems: "start" }}>
        <section className="card" aria-labelledby="details-title">
          <h2 id="details-title">Details</h2>
          <ProfileForm profile={{ email: p.email, name: p.name, age: p.age, country: p.country, PhoneNo: p.PhoneNo }} />
        </section>
        <section className="card" aria-labelledby="pw-title">
          <h2 id="pw-title">Change password</h2>
          <ChangePasswordForm />
        </section>
        <section className="card" aria-labelledby="keys-title" style={{ gridColumn: "1 / -1" }}>
          <h2 id="keys-title">API keys</h2>
          <ApiKeys initial={keys.map(presentApiKey)} />
        </section>
        <section className="card" aria-labelledby="reset-section-title">
          <h2 id="reset-section-title">Reset account</h2>
          <ResetAccount />
        </section>
        <section className="card" aria-labelledby="signout-title">
          <h2 id="signout-title">Sign out</h2>
          <p className="muted">Ends this browser&apos;s session.</p>
          <SignOutButton />
        </section>
      </div>
    </>
  );
}
