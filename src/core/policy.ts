// What a repository allows a plan to do to a registry (`policy:` in schemaops.yaml).

export type DeletionPolicy = "none" | "soft" | "hard";

export interface Policy {
  /** What happens to registry subjects without a file, inside the contexts the repository manages. */
  deletions: DeletionPolicy;
  /** A plan deleting more subjects than this refuses to apply without --allow-mass-delete. */
  maxDeletions: number;
  /** When false, an incompatible change blocks the plan (exit 3). */
  allowIncompatible: boolean;
}

export const DEFAULT_POLICY: Policy = { deletions: "none", maxDeletions: 10, allowIncompatible: false };
