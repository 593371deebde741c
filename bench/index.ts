// `npm run bench`: every benchmark of the project, each printing its figures beside a baseline
// measured in the same run. Pass names to run only some: `npm run bench -- avro`.

import { runAvroCompatBench } from "./avro-compat.js";

const benches: Record<string, () => Promise<void>> = {
  avro: runAvroCompatBench,
};

const wanted = process.argv.slice(2);
for (const [name, run] of Object.entries(benches)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  console.log(`\n== ${name} ==`);
  await run();
}
