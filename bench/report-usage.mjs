// Preloaded into a benchmarked command: reports the process's peak memory on stderr when it exits.
import process from "node:process";

process.on("exit", () => {
  process.stderr.write(`\nschemaops-max-rss-kb=${process.resourceUsage().maxRSS}\n`);
});
