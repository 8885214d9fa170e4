/**
 * The event log, after Laravel Pail: every event the user may read, as it happens — time, channel,
 * name, payload — filterable by channel (glob, e.g. `documents.*`), event (glob, e.g.
 * `rewrite.*`) and text, and pausable. It opens with the recent history the server kept (the
 * firehose itself is live only) and keeps the last 5,000 events.
 */
import { memo, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { channelGlobMatch, globMatch } from '../../src-shared/channels';
import { useActions, useAppState } from '../app/context';
import { useShortcuts } from '../app/shortcuts';
import { formatClock } from '../store/format';
import type { LoggedEvent } from '../store/state';
import { ViewHeading } from './common';

export interface EventFilter {
  channel: string;
  event: string;
  text: string;
}

/** Globs match the whole name; a filter without `*` matches as a substring, as one types. */
export function filterEvents(items: readonly LoggedEvent[], f: EventFilter): LoggedEvent[] {
  const ch = f.channel.trim();
  const ev = f.event.trim();
  const text = f.text.trim().toLowerCase();
  const chGlob = ch && (ch.includes('*') ? ch : `*${ch}*`);
  const evGlob = ev && (ev.includes('*') ? ev : `*${ev}*`);
  return items.filter((e) => {
    if (chGlob && !channelGlobMatch(chGlob, e.channel)) return false;
    if (evGlob && !globMatch(evGlob, e.event)) return false;
    if (
      text &&
      !JSON.stringify(e.data).toLowerCase().includes(text) &&
      !e.event.includes(text) &&
      !e.channel.includes(text)
    )
      return false;
    return true;
  });
}

const EventRow = memo(function EventRow({ e }: { e: LoggedEvent }) {
  const json = JSON.stringify(e.data);
  return (
    <tr data-event={e.event} data-channel={e.channel}>
      <td className="mono nowrap">{formatClock(e.receivedAt)}</td>
      <td className="mono">{e.channel}</td>
      <td className="mono">
        <span className={`event-name ev-${e.event.split('.')[0]}`}>{e.event}</span>
      </td>
      <td className="mono num">{e.seq}</td>
      <td className="payload">
        <details>
          <summary className="mono">{json.length > 140 ? `${json.slice(0, 140)}…` : json}</summary>
          <pre>{JSON.stringify(e.data, null, 2)}</pre>
        </details>
      </td>
    </tr>
  );
});

export function EventsView() {
  const actions = useActions();
  const log = useAppState((s) => s.log);
  const [filter, setFilter] = useState<EventFilter>({ channel: '', event: '', text: '' });
  const deferred = useDeferredValue(filter);
  const filtered = useMemo(() => filterEvents(log.items, deferred), [log.items, deferred]);
  const shown = filtered.slice(0, 500);
  const channelRef = useRef<HTMLInputElement>(null);
  const toggle = () => actions.setLogPaused(!log.paused);
  useShortcuts({ p: toggle, '/': () => channelRef.current?.focus() });
  const [history, setHistory] = useState<'loading' | 'loaded' | 'failed'>('loading');
  // The firehose is live only: what happened before the view opened comes from the server's log.
  useEffect(() => {
    actions.loadRecentEvents().then(
      () => setHistory('loaded'),
      () => setHistory('failed'),
    );
  }, [actions]);

  return (
    <div className="view events-view">
      <ViewHeading title="Events" />
      <div className="toolbar" role="toolbar" aria-label="Filter the event log">
        <label className="field">
          <span>Channel</span>
          <input
            ref={channelRef}
            type="search"
            placeholder="documents.*"
            value={filter.channel}
            onChange={(e) => setFilter({ ...filter, channel: e.target.value })}
          />
        </label>
        <label className="field">
          <span>Event</span>
          <input
            type="search"
            placeholder="rewrite.*"
            value={filter.event}
            onChange={(e) => setFilter({ ...filter, event: e.target.value })}
          />
        </label>
        <label className="field grow">
          <span>Text</span>
          <input
            type="search"
            placeholder="Search the payloads"
            value={filter.text}
            onChange={(e) => setFilter({ ...filter, text: e.target.value })}
          />
        </label>
        <button type="button" className="button" aria-pressed={log.paused} onClick={toggle} aria-keyshortcuts="P">
          {log.paused ? '▶ Resume' : '❚❚ Pause'}
        </button>
        <button type="button" className="button" onClick={() => actions.clearLog()}>
          Clear
        </button>
      </div>
      <p className="muted" aria-live="polite" data-testid="event-count">
        {log.paused ? `Paused — ${log.held.length} new event${log.held.length === 1 ? '' : 's'} waiting. ` : ''}
        Showing {shown.length} of {filtered.length} matching event{filtered.length === 1 ? '' : 's'} ({log.items.length}{' '}
        in the log).
      </p>
      {history === 'failed' && (
        <p className="notice">The earlier events could not be loaded; new ones appear as they happen.</p>
      )}
      {log.items.length === 0 ? (
        <p className="empty">
          {history === 'loading'
            ? 'Loading the recent events…'
            : 'No events yet. Import a document or start a revision and its events appear here as they happen.'}
        </p>
      ) : (
        <div className="table-scroll">
          <table className="table events" data-testid="event-log">
            <caption className="sr-only">Events, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Channel</th>
                <th scope="col">Event</th>
                <th scope="col">Seq</th>
                <th scope="col">Payload</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((e) => (
                <EventRow key={e.key} e={e} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
