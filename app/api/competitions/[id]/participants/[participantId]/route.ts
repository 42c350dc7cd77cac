import { withUser } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/method-not-allowed";
import { removeParticipant } from "@/lib/competitions/remove-participant";

// DELETE /api/competitions/{id}/participants/{participant_id} – the organiser removes a participant
export const DELETE = withUser(async ({ user, params }) => {
  await removeParticipant({ competitionId: params.id ?? "", userId: user.id, participantId: params.participantId ?? "" });
  return { removed: true };
});

// Any other method: a JSON 405 with Allow.
export const { GET, HEAD, POST, PUT, PATCH, OPTIONS } = otherMethods("DELETE");
