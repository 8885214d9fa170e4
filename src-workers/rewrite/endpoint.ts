/**
 * The local-model engine's guard: text goes only to an address the settings allow
 * (src-shared/llm-address.ts has the rule), checked again before every request.
 */
import { InkproofError } from '../../src-shared/errors';
import { checkLlmAddress } from '../../src-shared/llm-address';

/** Returns the parsed address if text may be sent to `url`, or throws `forbidden` / `invalid_input`. */
export function assertAllowedLlmEndpoint(url: string, allowList: readonly string[] = []): URL {
  const checked = checkLlmAddress(url, allowList);
  if (checked instanceof URL) return checked;
  throw new InkproofError(checked.code, checked.message);
}
