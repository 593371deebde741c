// Turns the configured credentials into an Authorization header value. Every secret is registered with the
// redactor as soon as it is known, including bearer tokens fetched later from a provider.

import type { Redactor } from "./redact.js";

/** A static bearer token, or a function that returns a current one (called before each attempt). */
export type TokenSource = string | (() => string | Promise<string>);

export interface RegistryAuth {
  basic?: { username: string; password: string };
  bearer?: TokenSource;
}

export type AuthorizationSource = () => Promise<string | undefined>;

export function authorizationSource(
  auth: RegistryAuth | undefined,
  urlUserinfo: { username: string; password: string } | undefined,
  redactor: Redactor,
): AuthorizationSource {
  if (auth?.basic !== undefined && auth.bearer !== undefined) {
    throw new TypeError("registry auth: give either basic or bearer credentials, not both");
  }
  if (urlUserinfo !== undefined && (auth?.basic !== undefined || auth?.bearer !== undefined)) {
    throw new TypeError("registry credentials are given both in the URL and in auth; keep one");
  }
  const basic = auth?.basic ?? urlUserinfo;
  if (basic !== undefined) {
    const encoded = Buffer.from(`${basic.username}:${basic.password}`, "utf8").toString("base64");
    redactor.add(basic.password);
    redactor.add(encoded);
    const header = `Basic ${encoded}`;
    return () => Promise.resolve(header);
  }
  const bearer = auth?.bearer;
  if (bearer === undefined) return () => Promise.resolve(undefined);
  if (typeof bearer === "string") {
    redactor.add(bearer);
    return () => Promise.resolve(`Bearer ${bearer}`);
  }
  return async () => {
    const token = await bearer();
    redactor.add(token);
    return `Bearer ${token}`;
  };
}
