/**
 * Every envelope a user may read, from any channel: the firehose behind the event log view and
 * `inkproof tail`. Each channel is authorized once (with the same callbacks as a subscription)
 * and the answer remembered for the life of the stream.
 */
import type { Unsubscribe } from '../../../src-shared/bridge';
import type { Envelope } from '../../../src-shared/events';
import type { HubUser } from './authorizer';
import type { BroadcastHub } from './hub';

export function readableChannels(hub: BroadcastHub, user: HubUser, onEnvelope: (env: Envelope) => void): Unsubscribe {
  const decided = new Map<string, Promise<boolean>>();
  let open = true;
  // Authorization may be asynchronous: a chain keeps envelopes in their order.
  let chain: Promise<void> = Promise.resolve();
  const untap = hub.tap((env) => {
    let allowed = decided.get(env.channel);
    if (!allowed) {
      allowed = hub.authorizer.authorize(user, env.channel).then((r) => r !== false);
      decided.set(env.channel, allowed);
      if (decided.size > 10_000) decided.delete(decided.keys().next().value as string);
    }
    chain = chain.then(async () => {
      if (open && (await allowed)) onEnvelope(env);
    });
  });
  return () => {
    open = false;
    untap();
  };
}
