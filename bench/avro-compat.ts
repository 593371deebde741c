// Avro compatibility speed: our walker (every incompatibility, typed, with paths) against avsc's
// createResolver (first problem only, untyped), on generated record pairs of growing width, both on
// pre-parsed schemas and end to end from schema text.

import avro from "avsc";
import { avroFormat, type AvroSchema } from "../src/formats/avro/index.js";
import { checkCompatibility } from "../src/compat/check.js";

const LABELS = { labels: { reader: "new", writer: "old" } };

interface FieldSpec {
  name: string;
  type: unknown;
  default?: unknown;
}

/** One field of a realistic mix, by index; `evolved` applies the new version's compatible changes. */
function field(i: number, evolved: boolean): FieldSpec {
  const name = `f${i}`;
  switch (i % 8) {
    case 0:
      return { name, type: evolved ? "long" : "int" }; // promotion int -> long
    case 1:
      return { name, type: ["null", "string"], default: null };
    case 2:
      return { name, type: "string" };
    case 3:
      return {
        name,
        type: {
          type: "record",
          name: `Nested${i}`,
          fields: [
            { name: "x", type: "double" },
            { name: "y", type: ["null", "long"], default: null },
          ],
        },
      };
    case 4:
      return {
        name,
        type: { type: "enum", name: `Kind${i}`, symbols: evolved ? ["A", "B", "C", "D"] : ["A", "B", "C"] },
      };
    case 5:
      return { name, type: { type: "array", items: "string" } };
    case 6:
      return { name, type: { type: "map", values: ["null", "double"] } };
    default:
      return { name, type: "boolean" };
  }
}

function recordSchema(width: number, evolved: boolean, extra: FieldSpec[] = []): string {
  const fields = Array.from({ length: width }, (_, i) => field(i, evolved));
  if (evolved) {
    fields.push({ name: "addedCount", type: "int", default: 0 });
    fields.push({ name: "addedNote", type: ["null", "string"], default: null });
  }
  return JSON.stringify({
    type: "record",
    name: "Event",
    namespace: "com.acme.bench",
    fields: [...fields, ...extra],
  });
}

/** Breaks the new version in several independent ways at once. */
function incompatibleSchema(width: number): string {
  const parsed = JSON.parse(recordSchema(width, true)) as { fields: FieldSpec[] };
  parsed.fields[2] = { name: "f2", type: "int" }; // string -> int
  parsed.fields[4] = { name: "f4", type: { type: "enum", name: "Kind4", symbols: ["A"] } }; // symbols removed
  parsed.fields.push({ name: "required", type: "string" }); // new field without default
  parsed.fields[9] = { name: "f9", type: "string" }; // optional string -> string
  return JSON.stringify(parsed);
}

function parseOurs(text: string): AvroSchema {
  const result = avroFormat.parse({ schema: text });
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join("; "));
  return result.schema;
}

/** Runs `fn` repeatedly for about `ms` milliseconds and returns calls per second. */
function rate(fn: () => void, ms = 700): number {
  for (let i = 0; i < 50; i++) fn(); // warm-up
  let calls = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < ms) {
    for (let i = 0; i < 20; i++) fn();
    calls += 20;
    elapsed = performance.now() - start;
  }
  return (calls * 1000) / elapsed;
}

function fmt(n: number): string {
  return Math.round(n).toLocaleString("en-US").padStart(10);
}

export async function runAvroCompatBench(): Promise<void> {
  console.log("Avro compatibility checks/second (BACKWARD: new reads old); higher is better");
  console.log(
    "fields | (a) canRead pre-parsed | avsc createResolver | ratio || (b) checkCompatibility from text | avsc forSchema×2+resolver | ratio",
  );
  for (const width of [20, 50, 100, 200]) {
    const oldText = recordSchema(width, false);
    const newText = recordSchema(width, true);
    const oldOurs = parseOurs(oldText);
    const newOurs = parseOurs(newText);
    if (avroFormat.canRead(newOurs, oldOurs, LABELS).length !== 0)
      throw new Error("bench pair should be compatible");
    const oldAvsc = avro.Type.forSchema(JSON.parse(oldText) as avro.Schema);
    const newAvsc = avro.Type.forSchema(JSON.parse(newText) as avro.Schema);
    newAvsc.createResolver(oldAvsc);

    const ours = rate(() => avroFormat.canRead(newOurs, oldOurs, LABELS));
    const theirs = rate(() => newAvsc.createResolver(oldAvsc));
    // The public API end to end: both texts parsed, the level applied, the registry's message list built.
    const oursText = rate(() => checkCompatibility({ schema: newText }, [{ schema: oldText }], "BACKWARD"));
    const theirsText = rate(() =>
      avro.Type.forSchema(JSON.parse(newText) as avro.Schema).createResolver(
        avro.Type.forSchema(JSON.parse(oldText) as avro.Schema),
      ),
    );
    console.log(
      `${String(width).padStart(6)} | ${fmt(ours)}            | ${fmt(theirs)}          | ${(ours / theirs).toFixed(2)}  ||` +
        ` ${fmt(oursText)}                   | ${fmt(theirsText)}                | ${(oursText / theirsText).toFixed(2)}`,
    );
  }

  console.log("\nIncompatible pair (4 independent breaks), 100 fields:");
  const oldOurs = parseOurs(recordSchema(100, false));
  const badText = incompatibleSchema(100);
  const badOurs = parseOurs(badText);
  const findings = avroFormat.canRead(badOurs, oldOurs, LABELS);
  for (const f of findings) console.log(`  ${f.errorType} at ${f.path}`);
  const oldAvsc = avro.Type.forSchema(JSON.parse(recordSchema(100, false)) as avro.Schema);
  const badAvsc = avro.Type.forSchema(JSON.parse(badText) as avro.Schema);
  let avscError = "";
  try {
    badAvsc.createResolver(oldAvsc);
  } catch (error) {
    avscError = error instanceof Error ? error.message.split("\n")[0]!.slice(0, 100) : String(error);
  }
  const oursBad = rate(() => avroFormat.canRead(badOurs, oldOurs, LABELS));
  const theirsBad = rate(() => {
    try {
      badAvsc.createResolver(oldAvsc);
    } catch {
      // avsc stops at the first problem
    }
  });
  console.log(`  ours: ${findings.length} findings, ${fmt(oursBad)} checks/s`);
  console.log(
    `  avsc: 1 error (${avscError}), ${fmt(theirsBad)} checks/s, ratio ${(oursBad / theirsBad).toFixed(2)}`,
  );
}
