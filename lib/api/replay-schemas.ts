// Request body of POST /api/replay.
import { z } from "zod";

export const MAX_REPLAY_SPEED = 1_000_000;

export const steerReplayBody = z
  .strictObject({
    paused: z.boolean({ message: "must be true or false" }).optional(),
    speed: z
      .number({ message: "must be a number" })
      .positive("must be greater than 0")
      .max(MAX_REPLAY_SPEED, `must be at most ${MAX_REPLAY_SPEED}`)
      .optional(),
  })
  .refine((v) => v.paused !== undefined || v.speed !== undefined, { message: "send paused and/or speed", path: ["paused"] });
