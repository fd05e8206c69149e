// Target URLs as a person may see them: no credentials, no key in the query, and Basic auth moved to a header.

/** Query parameters that carry a secret on some APIs (Gemini `?key=`, Azure SAS `sig=`, ...). */
const secretQueryNames =
  /^(key|api[-_]?key|apikey|token|access[-_]?token|auth|secret|sig|signature|password|code)$/i;

/** The URL without user:password and with secret-looking query values replaced by [redacted]. */
export function displayUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url.replace(/\/\/[^/@]*@/, '//');
  }
  const names = [...parsed.searchParams.keys()];
  const hidden = names.filter((name) => secretQueryNames.test(name));
  if (parsed.username === '' && parsed.password === '' && hidden.length === 0) return url;
  parsed.username = '';
  parsed.password = '';
  for (const name of hidden) parsed.searchParams.set(name, '[redacted]');
  // URL.toString() percent-encodes the brackets of [redacted]; a person reads them better plain.
  return parsed.toString().replaceAll('%5Bredacted%5D', '[redacted]');
}

/** The values of secret-looking query parameters, which must be scrubbed from messages too. */
export function querySecrets(url: string): string[] {
  try {
    const parsed = new URL(url);
    return [...parsed.searchParams.entries()]
      .filter(([name, value]) => secretQueryNames.test(name) && value !== '')
      .map(([, value]) => value);
  } catch {
    return [];
  }
}

export interface SendableUrl {
  /** What fetch is given: Node's fetch refuses a URL that carries credentials. */
  href: string;
  /** `Basic ...` when the URL had user:password (a reverse proxy in front of Ollama or vLLM). */
  authorization?: string;
  /** The password, the encoded header and any secret query values, for scrubbing. */
  secrets: string[];
}

export function sendableUrl(url: string): SendableUrl {
  const parsed = new URL(url);
  const secrets = querySecrets(url);
  if (parsed.username === '' && parsed.password === '') return { href: url, secrets };
  const rawPassword = parsed.password;
  const password = decodeURIComponent(rawPassword);
  const encoded = Buffer.from(`${decodeURIComponent(parsed.username)}:${password}`).toString(
    'base64',
  );
  parsed.username = '';
  parsed.password = '';
  return {
    href: parsed.toString(),
    authorization: `Basic ${encoded}`,
    secrets: [...secrets, encoded, password, rawPassword].filter((s) => s !== ''),
  };
}

/** Checks a base URL given on the command line; returns a problem in words, or undefined when fine. */
export function urlProblem(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `"${displayUrl(url)}" is not a URL`;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    return `"${displayUrl(url)}" must start with http:// or https://`;
  return undefined;
}
