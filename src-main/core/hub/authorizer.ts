/**
 * Channel authorization in the manner of Laravel's routes/channels.php: a pattern with `{param}`
 * placeholders and a callback that decides whether a user may listen.
 *
 *   authorizer.channel('documents.{documentId}', (user, { documentId }) => owns(user, documentId))
 *
 * A callback may also return user info (for presence channels) instead of `true`.
 */
import { matchChannel, type ChannelParams } from '../../../src-shared/channels';

export interface HubUser {
  id: number;
  name?: string;
}

export type AuthorizationResult = boolean | { user_info: Record<string, unknown> };
export type AuthorizationCallback = (user: HubUser, params: ChannelParams) => AuthorizationResult | Promise<AuthorizationResult>;

export class ChannelAuthorizer {
  private readonly rules: { pattern: string; callback: AuthorizationCallback }[] = [];

  channel(pattern: string, callback: AuthorizationCallback): this {
    this.rules.push({ pattern, callback });
    return this;
  }

  /** The first matching rule decides; a channel no rule matches is refused. */
  async authorize(user: HubUser | null, channel: string): Promise<AuthorizationResult> {
    if (!user) return false;
    for (const rule of this.rules) {
      const params = matchChannel(rule.pattern, channel);
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
    return this.rules.some((r) => matchChannel(r.pattern, channel) !== null);
  }
}
