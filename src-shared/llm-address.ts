/**
 * Where the local model may be: this machine (loopback) by default, or a host the owner of the data
 * folder listed in `llm.allowed_hosts`. Checked when the address is saved; the revision worker
 * checks again before it connects (an address can arrive by other ways than Settings).
 */

/** Host names as the WHATWG URL parser normalises them (`127.1` and `0x7f.0.0.1` become `127.0.0.1`). */
function isLoopbackHostname(hostname: string): boolean {
  if (hostname === 'localhost' || hostname === '[::1]') return true;
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(hostname);
  return m !== null && m[1] === '127' && m.slice(2).every((o) => Number(o) <= 255);
}

/**
 * Why a model address may not be used, or null when it may. An empty address means "no model
 * configured" and is allowed (the LLM engine then answers that it is not set up).
 */
export function llmAddressProblem(url: string, allowedHosts: readonly string[]): string | null {
  const text = url.trim();
  if (text === '') return null;
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    return `"${text.slice(0, 100)}" is not an address (write it like http://127.0.0.1:8081).`;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    return 'The model’s address must start with http:// or https://.';
  if (parsed.username || parsed.password) return 'The model’s address must not carry a user name or password.';
  const host = parsed.hostname.toLowerCase();
  if (isLoopbackHostname(host)) return null;
  if (allowedHosts.some((h) => h.toLowerCase() === host)) return null;
  return `The model must run on this machine (127.0.0.1, ::1 or localhost) or on a host listed in the allowed hosts; "${host}" is not one of them.`;
}
