/** Validates a skip policy read from JSON (zod at the boundary; scorePolicy trusts its input). */
import { WASTE_VARIANTS } from '@graphlet/core';
import { z } from 'zod';
import type { SkipPolicy } from './skip-policy.ts';
import { WasteError } from './waste-error.ts';

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64');

const serializedForest = z.object({
  // deserializeForest still loads format 1 (missing values always right).
  format: z.enum(['graphlet-forest/1', 'graphlet-forest/2']),
  nFeatures: z.number().int().min(1),
  options: z.object({
    trees: z.number().int().min(1),
    seed: z.number().int(),
    maxFeatures: z.number().int().min(1),
    maxDepth: z.number().int().min(0).nullable(),
    minSamplesLeaf: z.number().int().min(1),
    bootstrap: z.boolean(),
    classWeight: z.tuple([z.number().positive(), z.number().positive()]),
    maxBins: z.number().int().min(2).max(255),
  }),
  trees: z
    .array(
      z.object({
        nodeCount: z.number().int().min(1),
        feature: base64,
        threshold: base64,
        left: base64,
        right: base64,
        missingLeft: base64.optional(),
        value: base64,
        importance: base64,
      }),
    )
    .min(1),
});

/** The zod schema of a SkipPolicy document. */
export const skipPolicySchema = z
  .object({
    format: z.literal('graphlet-skip-policy/1'),
    variant: z.enum(WASTE_VARIANTS),
    threshold: z.number(),
    featureOptions: z.object({
      window: z.number().int().min(1).max(50),
      architectureBuckets: z.number().int().min(0).max(64),
    }),
    features: z.array(z.string()).min(1),
    forest: serializedForest,
    evaluation: z.object({
      balancedAccuracy: z.number(),
      freshness: z.number(),
      waste: z.number(),
      trainGraphlets: z.number().int().min(0),
      testGraphlets: z.number().int().min(0),
    }),
  })
  .refine((p) => p.features.length === p.forest.nFeatures, {
    message: 'features must name every forest feature',
    path: ['features'],
  });

/** Parses and checks a policy document; throws WasteError('invalid_policy') naming the first problem. */
export function parseSkipPolicy(json: unknown): SkipPolicy {
  const result = skipPolicySchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new WasteError(
      'invalid_policy',
      `invalid skip policy at ${issue.path.join('.') || '(root)'}: ${issue.message}`,
    );
  }
  // Format 1 forests are typed as the current format; deserializeForest reads both.
  return result.data as unknown as SkipPolicy;
}
