/**
 * A broadcast fake in the spirit of Laravel's `Event::fake()`: records what a hub broadcasts so a
 * test can assert on it. Catalogue events are checked against their zod schema as they are
 * recorded, so a test that asserts an event also pins its exact payload shape.
 *
 *   const broadcasts = fakeBroadcasts(hub);
 *   await core.api.importDocuments({ files: [{ name: 'a.txt', text }] });
 *   broadcasts.assertBroadcast('private-documents.1', 'document.analyzed', (data) => data.ai_confidence !== null);
 */
import { eventSchemas, type Envelope, type EventName, type EventPayload } from '../../../src-shared/events';
import { channelGlobMatch } from '../../../src-shared/channels';
import type { BroadcastHub } from './hub';

export class BroadcastAssertionError extends Error {
  override name = 'BroadcastAssertionError';
}

type DataOf<E extends string> = E extends EventName ? EventPayload<E> : unknown;

export interface BroadcastFake {
  /** Every recorded envelope, in delivery order. */
  readonly recorded: Envelope[];
  /** Recorded envelopes matching a channel (glob) and an event name. */
  broadcasts<E extends string>(channel: string, event: E): Envelope<DataOf<E>>[];
  assertBroadcast<E extends string>(
    channel: string,
    event: E,
    predicate?: (data: DataOf<E>, env: Envelope<DataOf<E>>) => boolean,
  ): void;
  assertBroadcastTimes(channel: string, event: string, times: number): void;
  assertNotBroadcast<E extends string>(channel: string, event: E, predicate?: (data: DataOf<E>) => boolean): void;
  assertNothingBroadcast(): void;
  /** Waits until a matching envelope has been recorded (no sleeps: resolves on the event). */
  waitFor<E extends string>(
    channel: string,
    event: E,
    predicate?: (data: DataOf<E>) => boolean,
    timeoutMs?: number,
  ): Promise<Envelope<DataOf<E>>>;
  /** Schema problems found in recorded catalogue events. */
  readonly invalid: { envelope: Envelope; problem: string }[];
  restore(): void;
}

export function fakeBroadcasts(hub: BroadcastHub): BroadcastFake {
  const recorded: Envelope[] = [];
  const invalid: { envelope: Envelope; problem: string }[] = [];
  const waiters = new Set<{ test: (env: Envelope) => boolean; resolve: (env: Envelope) => void }>();

  const untap = hub.tap((env) => {
    recorded.push(env);
    const schema = (eventSchemas as Record<string, (typeof eventSchemas)[EventName]>)[env.event];
    if (schema) {
      const parsed = schema.safeParse(env.data);
      if (!parsed.success)
        invalid.push({
          envelope: env,
          problem: parsed.error.issues.map((i) => `${i.path.join('.') || '(payload)'}: ${i.message}`).join('; '),
        });
    }
    for (const w of waiters) {
      if (w.test(env)) {
        waiters.delete(w);
        w.resolve(env);
      }
    }
  });

  const matching = (channel: string, event: string) =>
    recorded.filter((e) => channelGlobMatch(channel, e.channel) && e.event === event);
  const describe = () =>
    recorded.length === 0
      ? 'Nothing was broadcast.'
      : 'Broadcast were:\n' +
        recorded.map((e) => `  ${e.channel} ${e.event} #${e.seq} ${JSON.stringify(e.data)}`).join('\n');
  const checkSchema = (list: Envelope[]) => {
    const bad = invalid.filter((i) => list.includes(i.envelope));
    if (bad.length > 0)
      throw new BroadcastAssertionError(
        `Payload does not match the event catalogue: ${bad.map((b) => `${b.envelope.event}: ${b.problem}`).join('; ')}`,
      );
  };

  const fake: BroadcastFake = {
    recorded,
    invalid,
    broadcasts: (channel, event) => matching(channel, event) as never,
    assertBroadcast(channel, event, predicate) {
      const list = matching(channel, event);
      checkSchema(list);
      const hit = predicate ? list.filter((e) => predicate(e.data as never, e as never)) : list;
      if (hit.length === 0) {
        throw new BroadcastAssertionError(
          `Expected "${event}" on "${channel}"${predicate ? ' matching the predicate' : ''}, ${list.length === 0 ? 'but it was not broadcast' : `but none of the ${list.length} matched`}.\n${describe()}`,
        );
      }
    },
    assertBroadcastTimes(channel, event, times) {
      const n = matching(channel, event).length;
      if (n !== times)
        throw new BroadcastAssertionError(
          `Expected "${event}" on "${channel}" ${times} time(s), it was broadcast ${n} time(s).\n${describe()}`,
        );
    },
    assertNotBroadcast(channel, event, predicate) {
      const list = matching(channel, event).filter((e) => !predicate || predicate(e.data as never));
      if (list.length > 0)
        throw new BroadcastAssertionError(
          `Did not expect "${event}" on "${channel}", it was broadcast ${list.length} time(s).\n${describe()}`,
        );
    },
    assertNothingBroadcast() {
      if (recorded.length > 0) throw new BroadcastAssertionError(`Expected nothing to be broadcast.\n${describe()}`);
    },
    waitFor(channel, event, predicate, timeoutMs = 20_000) {
      const test = (e: Envelope) =>
        channelGlobMatch(channel, e.channel) && e.event === event && (!predicate || predicate(e.data as never));
      const already = recorded.find(test);
      if (already) return Promise.resolve(already as never);
      return new Promise((resolve, reject) => {
        const w = {
          test,
          resolve: (env: Envelope) => {
            clearTimeout(timer);
            resolve(env as never);
          },
        };
        const timer = setTimeout(() => {
          waiters.delete(w);
          reject(new BroadcastAssertionError(`Timed out waiting for "${event}" on "${channel}".\n${describe()}`));
        }, timeoutMs);
        waiters.add(w);
      });
    },
    restore: () => untap(),
  };
  return fake;
}
