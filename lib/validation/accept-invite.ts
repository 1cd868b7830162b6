import { z } from "zod";

export const acceptInviteSchema = z.object({ token: z.string({ error: "This invite link is not valid" }).max(200, "This invite link is not valid") });
