// PATCH /api/myprofile – change name, age, country or phone number.
import { prisma } from "@/lib/db";
import { getProfile } from "./get-profile";

export interface ProfileChanges {
  name?: string;
  age?: number;
  country?: string;
  PhoneNo?: string;
}

export async function updateProfile({ userId, changes }: { userId: string; changes: ProfileChanges }) {
  await prisma.user.update({
    where: { id: userId },
    data: { name: changes.name, age: changes.age, country: changes.country, phoneNo: changes.PhoneNo },
  });
  return getProfile({ userId });
}
