/**
 * Where the local model may be. A revision hands the document's text to whatever server the LLM
 * setting names, and that server's answers come back into the app, so the address is guarded:
 * this computer's own (loopback: localhost, *.localhost, 127.0.0.0/8, ::1) always, anything else
 * only when the owner of the data folder listed it in `llm.allowed_hosts`. Pure: checked when the
 * address is saved, when a revision is requested, and by the engine before every request.
 */

/** Why an address may not be used: `invalid_input` (not an http(s) address) or `forbidden`. */
export interface LlmAddressRefusal {
  code: 'invalid_input' | 'forbidden';
  message: string;
}

/**
 * The parsed address, or why it may not be used. Host names are compared as written, never
 * resolved: "localhost" is loopback, a name that merely resolves to 127.0.0.1 is not. Allow-list
 * entries are origins ("http://192.168.1.20:11434"), host:port pairs ("gpu-box.lan:8080") or host
 * names ("gpu-box.lan", any port).
 */
export function checkLlmAddress(url: string, allowedHosts: readonly string[]): URL | LlmAddressRefusal {
  const text = url.trim();
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    return {
      code: 'invalid_input',
      message: `"${text.slice(0, 100)}" is not a web address. Use one like http://127.0.0.1:8080.`,
    };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    return {
      code: 'invalid_input',
      message: 'The local model address must start with http:// or https://, for example http://127.0.0.1:8080.',
    };
  if (parsed.username || parsed.password)
    return { code: 'invalid_input', message: 'The local model address must not contain a user name or password.' };
  if (isLoopbackHost(parsed.hostname)) return parsed;
  if (allowedHosts.some((entry) => entryMatches(entry, parsed))) return parsed;
  return {
    code: 'forbidden',
    message:
      `The local model address ${parsed.origin} is not on this computer, and it is not on the list of allowed model servers. ` +
      'Use a server on this computer (localhost, 127.0.0.1 or ::1), or ask the owner of this machine to allow that address.',
  };
}

/**
 * Why a model address may not be saved, or null when it may. An empty address means "no model
 * configured" and is allowed (the LLM engine then answers that it is not set up).
 */
export function llmAddressProblem(url: string, allowedHosts: readonly string[]): string | null {
  if (url.trim() === '') return null;
  const checked = checkLlmAddress(url, allowedHosts);
  return checked instanceof URL ? null : checked.message;
}

/** Loopback as written in a WHATWG-parsed URL (which already turned "0x7f.1" or "2130706433" into 127.0.0.1). */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/\.$/, '');
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h)) return true;
  if (h === '[::1]') return true;
  // IPv4-mapped IPv6 of a loopback address, as the URL parser writes it: [::ffff:7f00:1].
  const mapped = /^\[::ffff:([0-9a-f]{1,4}):[0-9a-f]{1,4}\]$/.exec(h);
  return mapped !== null && parseInt(mapped[1], 16) >> 8 === 127;
}

function entryMatches(entry: string, url: URL): boolean {
  const e = entry.trim().toLowerCase().replace(/\/+$/, '');
  if (!e) return false;
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  if (e.includes('://')) {
    let allowed: URL;
    try {
      allowed = new URL(e);
    } catch {
      return false;
    }
    const allowedPort = allowed.port || (allowed.protocol === 'https:' ? '443' : '80');
    return allowed.protocol === url.protocol && allowed.hostname === url.hostname && allowedPort === port;
  }
  const host = url.hostname.toLowerCase();
  return e === host || e === `${host}:${port}`;
}
