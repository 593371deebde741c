// `npm run bench`: every benchmark of the project, each printing its figures beside a baseline
// measured in the same run. Pass names to run only some: `npm run bench -- avro plan`.

import { runAvroCompatBench } from "./avro-compat.js";
import { runPlanBench } from "./plan.js";
import { runRegistryBench } from "./registry.js";

const benches: Record<string, () => Promise<void>> = {
  avro: runAvroCompatBench,
  registry: runRegistryBench,
  plan: runPlanBench,
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in benches));
if (unknown.length > 0) {
  console.error(`unknown bench: ${unknown.join(", ")} (known: ${Object.keys(benches).join(", ")})`);
  process.exit(1);
}
for (const [name, run] of Object.entries(benches)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  console.log(`\n== ${name} ==`);
  await run();
}
