// Reads a registry base URL. Credentials written into the URL (`https://user:pass@host`) are taken out and
// returned separately, so that the URL shown in messages and logs never carries them.

export interface RegistryEndpoint {
  /** `scheme://host:port`, what the connection pool is bound to. */
  origin: string;
  /** Path prefix of every request, without a trailing slash (e.g. `/apis/ccompat/v7`); often empty. */
  basePath: string;
  /** The URL as it may be displayed: origin and base path, no credentials. */
  displayUrl: string;
  /** Credentials that were written into the URL, percent-decoded. */
  userinfo?: { username: string; password: string };
}

export function parseRegistryUrl(url: string): RegistryEndpoint {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new TypeError(`invalid registry URL: ${JSON.stringify(withoutUserinfo(url))}`);
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    throw new TypeError(`registry URL must use http or https, not ${parsed.protocol}`);
  }
  // A query or fragment in a base URL has no meaning for this API and is a common place for tokens;
  // refuse it rather than silently dropping it or echoing it into logs.
  if (parsed.search !== "" || parsed.hash !== "") {
    throw new TypeError("registry URL must not contain a query string or fragment");
  }
  const basePath = parsed.pathname.replace(/\/+$/, "");
  const endpoint: RegistryEndpoint = {
    origin: parsed.origin,
    basePath,
    displayUrl: parsed.origin + basePath,
  };
  if (parsed.username !== "" || parsed.password !== "") {
    endpoint.userinfo = {
      username: decodeURIComponent(parsed.username),
      password: decodeURIComponent(parsed.password),
    };
  }
  return endpoint;
}

function withoutUserinfo(url: string): string {
  return url.replace(/\/\/[^/?#]*@/, "//***@");
}
