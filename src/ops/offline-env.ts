// Offline commands (validate, check) never contact a registry, so a registry URL or credential missing
// from the environment must not stop them: such variables read as a harmless placeholder.

export type Env = Readonly<Record<string, string | undefined>>;

/** `env`, where a missing variable reads as `http://unset-NAME.invalid` instead of failing. */
export function offlineEnv(env: Env): Env {
  return new Proxy(env, {
    get: (target, name) =>
      typeof name === "string" ? (target[name] ?? `http://unset-${name}.invalid`) : undefined,
  });
}
