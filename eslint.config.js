// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";

// The pure layers must never reach for I/O: they are functions of their inputs, so that the
// planner, the formats and the compatibility engine stay testable and deterministic.
const ioModules = [
  "fs",
  "node:fs",
  "fs/promises",
  "node:fs/promises",
  "net",
  "node:net",
  "http",
  "node:http",
  "https",
  "node:https",
  "child_process",
  "node:child_process",
  "undici",
  "simple-git",
];

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "coverage/", "test/fixtures/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  {
    files: ["src/core/**/*.ts", "src/formats/**/*.ts", "src/compat/**/*.ts", "src/render/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: ioModules.map((name) => ({
            name,
            message: "core/, formats/ and compat/ stay pure: no I/O.",
          })),
          patterns: [
            {
              group: ["**/registry/**", "**/embedded/**", "**/ops/**", "**/repo/**"],
              message: "Dependencies point downwards only.",
            },
            {
              group: ["**/cli/**", "**/action/**", "**/mcp/**"],
              message: "Front ends are never imported by the pure layers.",
            },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        { name: "process", message: "Pure layers take their inputs as arguments." },
      ],
    },
  },
);
