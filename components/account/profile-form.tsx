"use client";
// Edit name, age, country and phone number (PATCH /api/myprofile), with the server's field errors.
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { apiFetch } from "@/components/data/api-fetch";
import { formErrorsOf, type FormErrors } from "@/components/ui/form-errors";
import { TextField } from "@/components/ui/text-field";

export interface ProfileDetails {
  email: string;
  name: string;
  age: number;
  country: string;
  PhoneNo: string;
}

const FIELDS = ["name", "age", "country", "PhoneNo"];

/** The details form. */
export function ProfileForm({ profile }: { profile: ProfileDetails }) {
  const router = useRouter();
  const [errors, setErrors] = useState<FormErrors>({ fields: {} });
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const d = new FormData(e.currentTarget);
    setBusy(true);
    setSaved(false);
    setErrors({ fields: {} });
    try {
      await apiFetch("/api/myprofile", {
        method: "PATCH",
        body: { name: d.get("name"), age: Number(d.get("age")), country: d.get("country"), PhoneNo: d.get("PhoneNo") },
      });
      setSaved(true);
      router.refresh(); // the header shows the name: re-render the server parts
    } catch (err) {
      setErrors(formErrorsOf(err, FIELDS));
    } finally {
      setBusy(false);
    }
  }
  const f = errors.fields;
  return (
    <form onSubmit={submit}>
      <TextField name="email" label="Email" value={profile.email} readOnly hint="The email cannot be changed." />
      <TextField name="name" label="Display name" defaultValue={profile.name} required maxLength={100} error={f.name && `Name ${f.name}`} />
      <TextField name="age" label="Age" type="number" inputMode="numeric" defaultValue={profile.age} required min={13} max={130} step={1} error={f.age && `Age ${f.age}`} />
      <TextField name="country" label="Country" defaultValue={profile.country} required maxLength={100} error={f.country && `Country ${f.country}`} />
      <TextField name="PhoneNo" label="Phone number" type="tel" defaultValue={profile.PhoneNo} required pattern="\+?[0-9 \(\)\-]{4,32}" error={f.PhoneNo && `Phone number ${f.PhoneNo}`} />
      {errors.message && <p className="form-error" role="alert">{errors.message}</p>}
      {saved && <p className="form-ok" role="status">Your details are saved.</p>}
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {busy ? "Saving…" : "Save details"}
      </button>
    </form>
  );
}
