import { z } from 'zod';

/**
 * The fields of PagerDuty's answers (reference §1.4) that an on-call lookup reads; anything else is ignored, so
 * PagerDuty can add fields freely. A missing or mistyped one makes the answer "of an unexpected shape".
 */

const timestamp = z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'not a timestamp');

// A policy has a few dozen rules at most; every level up to the highest is listed, so a wild count must not pass.
const MAX_ESCALATION_LEVEL = 100;

/** A full escalation policy, or the reference a service carries when `include[]=escalation_policies` was ignored. */
export const escalationPolicySchema = z.object({
  id: z.string(),
  name: z.string().optional(),
  summary: z.string().optional(),
  html_url: z.string().optional(),
  escalation_rules: z
    .array(z.object({ id: z.string().optional() }))
    .max(MAX_ESCALATION_LEVEL)
    .optional(),
});
export type PagerdutyEscalationPolicy = z.infer<typeof escalationPolicySchema>;

export const serviceSchema = z.object({
  id: z.string(),
  name: z.string(),
  escalation_policy: escalationPolicySchema,
  integrations: z.array(z.object({ integration_key: z.string().optional() })).optional(),
});
export type PagerdutyService = z.infer<typeof serviceSchema>;

export const serviceAnswerSchema = z.object({ service: serviceSchema });
export const escalationPolicyAnswerSchema = z.object({ escalation_policy: escalationPolicySchema });

/** Classic pagination fields (reference §1.5); only the list is required by the spec. */
const pageFields = { more: z.boolean().optional(), offset: z.number().optional(), limit: z.number().optional(), total: z.number().nullable().optional() };

export const serviceListSchema = z.object({ services: z.array(serviceSchema), ...pageFields });

/** One `/oncalls` entry: `start`/`end` null for permanent on-calls; `user` full with `include[]=users`, else a reference. */
export const onCallEntrySchema = z.object({
  escalation_level: z.number().int().min(1).max(MAX_ESCALATION_LEVEL),
  start: timestamp.nullable(),
  end: timestamp.nullable(),
  user: z.object({ id: z.string(), name: z.string().optional(), summary: z.string().optional(), email: z.string().optional() }),
});
export type PagerdutyOnCallEntry = z.infer<typeof onCallEntrySchema>;

export const onCallListSchema = z.object({ oncalls: z.array(onCallEntrySchema), ...pageFields });
