// "Reader can read data written with writer": the registry diffs original = writer against
// update = reader and reports every difference; the caller keeps the incompatible ones.

import type { CanReadOptions, Finding, SourceLocation } from "../../types.js";
import type { Located } from "../ast.js";
import type { ProtoSchema } from "../schema.js";
import { compareFiles } from "./compare-types.js";
import { DiffContext } from "./context.js";
import { describeDifference, isCompatible } from "./differences.js";

export { DIFFERENCE_TYPES, isCompatible, type DifferenceType } from "./differences.js";

function locationOf(element: Located | undefined): SourceLocation | undefined {
  if (element === undefined) return undefined;
  const location: SourceLocation = { line: element.line, column: element.column };
  if (element.source !== undefined) location.source = element.source;
  return location;
}

export function protobufCanRead(
  reader: ProtoSchema,
  writer: ProtoSchema,
  options: CanReadOptions,
): Finding[] {
  const ctx = DiffContext.create(writer, reader);
  compareFiles(ctx, writer.file, reader.file);
  return ctx.differences.map((difference) => {
    const compatible = isCompatible(difference.type);
    const finding: Finding = {
      errorType: difference.type,
      path: difference.path,
      compatible,
      description: compatible
        ? ""
        : describeDifference(difference.type, difference.path, options.labels.reader, options.labels.writer),
    };
    const readerLocation = locationOf(difference.update);
    const writerLocation = locationOf(difference.original);
    if (readerLocation) finding.readerLocation = readerLocation;
    if (writerLocation) finding.writerLocation = writerLocation;
    return finding;
  });
}
