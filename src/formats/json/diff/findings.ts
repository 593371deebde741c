// From the differ's differences to the format contract's findings.

import type { CanReadOptions, Finding } from "../../types.js";
import { describeDifference } from "./descriptions.js";
import type { ReportedDifference } from "./run.js";
import { compatibleTypes } from "./types.js";

/** Paths in the registry's syntax: `#/` then the segments joined with `/`, unescaped. */
export function pathText(segments: readonly string[]): string {
  return `#/${segments.join("/")}`;
}

/**
 * Findings sorted by path (stably): the registry visits properties and subschema pairs in hash
 * order, which no port can reproduce, and verdicts do not depend on order.
 */
export function toFindings(diffs: readonly ReportedDifference[], options: CanReadOptions): Finding[] {
  const compatible = compatibleTypes(options.policy ?? "STRICT");
  const findings = diffs.map((d): Finding => {
    const path = pathText(d.path);
    const finding: Finding = {
      errorType: d.type,
      path,
      compatible: compatible.has(d.type),
      description: describeDifference(d.type, path, options.labels),
    };
    if (d.readerLocation) finding.readerLocation = d.readerLocation;
    if (d.writerLocation) finding.writerLocation = d.writerLocation;
    if (d.quirk !== undefined) finding.quirk = d.quirk;
    return finding;
  });
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => (a.f.path < b.f.path ? -1 : a.f.path > b.f.path ? 1 : a.i - b.i))
    .map(({ f }) => f);
}
