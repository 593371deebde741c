// Compatibility levels and what each one compares (compatibility.md §1.1).

export const COMPATIBILITY_LEVELS = [
  "NONE",
  "BACKWARD",
  "BACKWARD_TRANSITIVE",
  "FORWARD",
  "FORWARD_TRANSITIVE",
  "FULL",
  "FULL_TRANSITIVE",
] as const;

export type CompatibilityLevel = (typeof COMPATIBILITY_LEVELS)[number];

export type CompatibilityPolicy = "STRICT" | "LENIENT";

/** Level names are matched case-insensitively, as the registry does. */
export function parseCompatibilityLevel(text: string): CompatibilityLevel | undefined {
  const upper = text.trim().toUpperCase();
  return (COMPATIBILITY_LEVELS as readonly string[]).includes(upper)
    ? (upper as CompatibilityLevel)
    : undefined;
}

export function isTransitive(level: CompatibilityLevel): boolean {
  return level.endsWith("_TRANSITIVE");
}

/** "backward": the new schema reads the old one; "forward": the old one reads the new. */
export type Direction = "backward" | "forward";

/** The directions a level checks, in the order the registry runs them (FULL: forward first). */
export function directionsOf(level: CompatibilityLevel): Direction[] {
  if (level === "NONE") return [];
  if (level.startsWith("BACKWARD")) return ["backward"];
  if (level.startsWith("FORWARD")) return ["forward"];
  return ["forward", "backward"];
}
