// File and folder names for subjects and contexts that any file system accepts. A name that cannot be used
// as written gets a readable safe name plus a short hash of the original, which the sidecar (`subject:`) or
// context.yaml (`name:`) then records.

import { createHash } from "node:crypto";

const UNSAFE_CHARACTERS = /[\p{Cc}<>:"/\\|?*]/u;
const UNSAFE_CHARACTERS_GLOBAL = /[\p{Cc}<>:"/\\|?*]/gu;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;
const MAX_LENGTH = 120;

/** Whether `name` can be a file or folder name on Linux, macOS and Windows, and is not hidden. */
export function isPortableName(name: string): boolean {
  return (
    name !== "" &&
    name.length <= MAX_LENGTH &&
    !UNSAFE_CHARACTERS.test(name) &&
    !name.startsWith(".") &&
    !/[. ]$/.test(name) &&
    !WINDOWS_RESERVED.test(name)
  );
}

/** A portable name derived from `name`, unique to it. */
export function portableName(name: string): string {
  const readable = name
    .replace(UNSAFE_CHARACTERS_GLOBAL, "_")
    .replace(/^[.\s]+/, "")
    .slice(0, 80)
    .replace(/[.\s]+$/, "");
  const hash = createHash("sha256").update(name, "utf8").digest("hex").slice(0, 8);
  return readable === "" ? `subject-${hash}` : `${readable}-${hash}`;
}
