// The organisation's rules for decisions and stored files, read from ANJEON_HOME/config.yaml.

import { z } from 'zod';

export const policySchema = z.strictObject({
  /** Who you are when --as and ANJEON_ACTOR are not given. */
  actor: z.string().optional(),
  /** The governance roles that must each approve, per action; each by a different person. */
  approvals: z
    .strictObject({
      develop: z.array(z.string().min(1)).min(1).default(['safety-lead']),
      deploy: z.array(z.string().min(1)).min(1).default(['safety-lead', 'executive']),
    })
    .default({ develop: ['safety-lead'], deploy: ['safety-lead', 'executive'] }),
  /** Whether the person who requested a decision may also approve it. */
  self_approval: z.boolean().default(false),
  /** The largest evidence file or attachment the store accepts, in bytes. */
  max_file_bytes: z
    .int()
    .positive()
    .default(25 * 1024 * 1024),
});

export type Policy = z.infer<typeof policySchema>;
export const defaultPolicy: Policy = policySchema.parse({});
