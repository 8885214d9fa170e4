/**
 * Channel authorization in the manner of Laravel's routes/channels.php: a pattern with `{param}`
 * placeholders and a callback that decides whether a user may listen.
 *
 *   authorizer.channel('documents.{documentId}', (user, { documentId }) => owns(user, documentId))
 *
 * covers `private-documents.12` (and `presence-documents.12`, `private-encrypted-documents.12`).
 *
 * A callback may also return user info (for presence channels) instead of `true`.
 */
import { matchChannel, parseChannel, type ChannelParams } from '../../../src-shared/channels';

export interface HubUser {
  id: number;
  name?: string;
  /** The owner of the data folder, or an admin account: may change the machine's settings. */
  admin?: boolean;
}

export type AuthorizationResult = boolean | { user_info: Record<string, unknown> };
export type AuthorizationCallback = (
  user: HubUser,
  params: ChannelParams,
) => AuthorizationResult | Promise<AuthorizationResult>;

export class ChannelAuthorizer {
  private readonly rules: { pattern: string; callback: AuthorizationCallback }[] = [];

  channel(pattern: string, callback: AuthorizationCallback): this {
    this.rules.push({ pattern, callback });
    return this;
  }

  /**
   * Public channels are open to everyone; for the others the first rule whose pattern matches the
   * name without its prefix decides, and a channel no rule matches is refused.
   */
  async authorize(user: HubUser | null, channel: string): Promise<AuthorizationResult> {
    const { kind, base } = parseChannel(channel);
    if (kind === 'public') return true;
    if (!user) return false;
    for (const rule of this.rules) {
      const params = matchChannel(rule.pattern, base);
      if (!params) continue;
      try {
        return await rule.callback(user, params);
      } catch {
        // A failing callback must never open a channel.
        return false;
      }
    }
    return false;
  }

  /** True when some rule's pattern matches the channel (whether or not it would allow it). */
  knows(channel: string): boolean {
    const { base } = parseChannel(channel);
    return this.rules.some((r) => matchChannel(r.pattern, base) !== null);
  }
}
