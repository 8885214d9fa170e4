/**
 * The queue dashboard, after Laravel Horizon: counts per state, throughput and run times per job
 * type, and the jobs themselves — pending, processing, completed, failed — with retry and cancel.
 * Jobs follow `job.updated` live; the statistics are refreshed at most once a second while open.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { JobRecord, JobStatus, JobType } from '../../src-shared/models';
import { JOB_TYPES } from '../../src-shared/constants';
import { useActions, useAppState } from '../app/context';
import { href } from '../app/router';
import { ProgressBar } from '../components/ProgressBar';
import { usePoll } from '../live/hooks';
import { formatAgo, formatRuntime, JOB_STATUS_LABEL } from '../store/format';
import { ViewHeading } from './common';

type Tab = 'pending' | 'processing' | 'completed' | 'failed' | 'all';
const TABS: { id: Tab; label: string; statuses: JobStatus[] | null }[] = [
  { id: 'pending', label: 'Pending', statuses: ['queued'] },
  { id: 'processing', label: 'Processing', statuses: ['processing'] },
  { id: 'completed', label: 'Completed', statuses: ['completed'] },
  { id: 'failed', label: 'Failed', statuses: ['failed', 'cancelled'] },
  { id: 'all', label: 'All', statuses: null },
];

const TYPE_LABEL: Record<JobType, string> = { analyze: 'Analysis', rewrite: 'Revision', validate: 'Sample check' };

function subjectLink(job: JobRecord) {
  if (job.type === 'analyze') return <a href={href(`/documents/${job.subject_id}`)}>Document {job.subject_id}</a>;
  if (job.type === 'rewrite') return <a href={href(`/rewrites/${job.subject_id}`)}>Revision #{job.subject_id}</a>;
  return <span>Sample {job.subject_id}</span>;
}

export function selectJobs(jobs: Iterable<JobRecord>, tab: Tab, type: JobType | 'all'): JobRecord[] {
  const statuses = TABS.find((t) => t.id === tab)?.statuses ?? null;
  const out: JobRecord[] = [];
  for (const j of jobs) {
    if (statuses && !statuses.includes(j.status)) continue;
    if (type !== 'all' && j.type !== type) continue;
    out.push(j);
  }
  return out.sort((a, b) => b.id - a.id);
}

export function QueueView() {
  const actions = useActions();
  const jobs = useAppState((s) => s.jobs);
  const stats = useAppState((s) => s.stats);
  const [tab, setTab] = useState<Tab>('pending');
  const [type, setType] = useState<JobType | 'all'>('all');
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([]);

  useEffect(() => {
    void actions.loadJobs().catch((err) => actions.toastError(err, 'Could not load the jobs'));
    return actions.watchQueue();
  }, [actions]);
  usePoll(() => Promise.all([actions.loadJobs(), actions.loadStats()]));

  const counts = useMemo(() => {
    const c: Record<Tab, number> = { pending: 0, processing: 0, completed: 0, failed: 0, all: 0 };
    for (const j of jobs.values()) {
      if (type !== 'all' && j.type !== type) continue;
      c.all++;
      if (j.status === 'queued') c.pending++;
      else if (j.status === 'processing') c.processing++;
      else if (j.status === 'completed') c.completed++;
      else c.failed++;
    }
    return c;
  }, [jobs, type]);
  const list = useMemo(() => selectJobs(jobs.values(), tab, type), [jobs, tab, type]);
  const shown = list.slice(0, 500);

  const onTabKey = (e: React.KeyboardEvent, i: number) => {
    let next = i;
    if (e.key === 'ArrowRight') next = (i + 1) % TABS.length;
    else if (e.key === 'ArrowLeft') next = (i - 1 + TABS.length) % TABS.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = TABS.length - 1;
    else return;
    e.preventDefault();
    setTab(TABS[next].id);
    tabRefs.current[next]?.focus();
  };

  const total = (k: 'queued' | 'processing' | 'completed' | 'failed') =>
    stats ? JOB_TYPES.reduce((n, t) => n + stats.by_type[t][k], 0) : null;

  return (
    <div className="view queue-view">
      <ViewHeading title="Queue" />
      <section className="stat-cards" aria-label="Queue totals">
        {(
          [
            ['Pending', total('queued')],
            ['Processing', total('processing')],
            ['Completed', total('completed')],
            ['Failed', total('failed')],
            ['Completed in the last minute', stats?.completed_last_minute ?? null],
            ['Failed in the last minute', stats?.failed_last_minute ?? null],
            ['Worker threads', stats?.concurrency ?? null],
          ] as [string, number | null][]
        ).map(([label, value]) => (
          <div className="card stat" key={label} data-testid={`stat-${label.toLowerCase().replace(/\s+/g, '-')}`}>
            <div className="stat-title">{label}</div>
            <div className="stat-value small">{value ?? '—'}</div>
          </div>
        ))}
      </section>

      <section className="card" aria-labelledby="types-title">
        <h2 id="types-title">By job type</h2>
        <table className="table" data-testid="queue-stats" aria-labelledby="types-title">
          <thead>
            <tr>
              <th scope="col">Type</th>
              <th scope="col">Pending</th>
              <th scope="col">Processing</th>
              <th scope="col">Completed</th>
              <th scope="col">Failed</th>
              <th scope="col">Cancelled</th>
              <th scope="col">Throughput</th>
              <th scope="col">Median run time</th>
            </tr>
          </thead>
          <tbody>
            {JOB_TYPES.map((t) => {
              const s = stats?.by_type[t];
              return (
                <tr key={t}>
                  <th scope="row">{TYPE_LABEL[t]}</th>
                  <td>{s?.queued ?? '—'}</td>
                  <td>{s?.processing ?? '—'}</td>
                  <td>{s?.completed ?? '—'}</td>
                  <td>{s?.failed ?? '—'}</td>
                  <td>{s?.cancelled ?? '—'}</td>
                  <td>
                    {s?.throughput != null ? `${Math.round(s.throughput).toLocaleString()} words/s per worker` : '—'}
                  </td>
                  <td>{formatRuntime(s?.median_runtime)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>

      <section className="card" aria-labelledby="jobs-title">
        <div className="changes-head">
          <h2 id="jobs-title">Jobs</h2>
          <label className="field">
            <span>Type</span>
            <select value={type} onChange={(e) => setType(e.target.value as JobType | 'all')}>
              <option value="all">All types</option>
              {JOB_TYPES.map((t) => (
                <option key={t} value={t}>
                  {TYPE_LABEL[t]}
                </option>
              ))}
            </select>
          </label>
        </div>
        <div role="tablist" aria-label="Job states" className="tabs">
          {TABS.map((t, i) => (
            <button
              key={t.id}
              ref={(el) => {
                tabRefs.current[i] = el;
              }}
              type="button"
              role="tab"
              id={`tab-${t.id}`}
              aria-selected={tab === t.id}
              aria-controls="jobs-panel"
              tabIndex={tab === t.id ? 0 : -1}
              onClick={() => setTab(t.id)}
              onKeyDown={(e) => onTabKey(e, i)}
            >
              {t.label} <span className="badge">{counts[t.id]}</span>
            </button>
          ))}
        </div>
        <div role="tabpanel" id="jobs-panel" aria-labelledby={`tab-${tab}`}>
          {list.length === 0 ? (
            <p className="muted empty">
              No {tab === 'all' ? '' : `${TABS.find((t) => t.id === tab)!.label.toLowerCase()} `}jobs.
            </p>
          ) : (
            <table className="table jobs" data-testid="jobs-table">
              <caption className="sr-only">{TABS.find((t) => t.id === tab)!.label} jobs, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Job</th>
                  <th scope="col">Type</th>
                  <th scope="col">Subject</th>
                  <th scope="col">Status</th>
                  <th scope="col">Progress</th>
                  <th scope="col">Attempts</th>
                  <th scope="col">Queued</th>
                  <th scope="col">Run time</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((j) => (
                  <tr key={j.id} data-job-id={j.id} data-status={j.status}>
                    <th scope="row">#{j.id}</th>
                    <td>{TYPE_LABEL[j.type]}</td>
                    <td>{subjectLink(j)}</td>
                    <td>
                      <span className={`status status-${j.status}`}>{JOB_STATUS_LABEL[j.status]}</span>
                      {j.error && <div className="error-text small">{j.error}</div>}
                    </td>
                    <td className="progress-cell">
                      <ProgressBar
                        value={j.status === 'completed' ? 100 : j.progress}
                        label={`Progress of job ${j.id}`}
                      />
                    </td>
                    <td>
                      {j.attempts}/{j.max_attempts}
                    </td>
                    <td>{formatAgo(j.created_at)}</td>
                    <td>{formatRuntime(j.runtime)}</td>
                    <td>
                      {(j.status === 'queued' || j.status === 'processing') && (
                        <button
                          type="button"
                          className="button small"
                          onClick={() =>
                            actions.cancelJob(j.id).catch((err) => actions.toastError(err, 'Could not cancel'))
                          }
                        >
                          Cancel<span className="sr-only"> job {j.id}</span>
                        </button>
                      )}
                      {(j.status === 'failed' || j.status === 'cancelled') && (
                        <button
                          type="button"
                          className="button small"
                          onClick={() =>
                            actions.retryJob(j.id).catch((err) => actions.toastError(err, 'Could not retry'))
                          }
                        >
                          Retry<span className="sr-only"> job {j.id}</span>
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {list.length > shown.length && (
            <p className="muted">
              Showing the newest {shown.length} of {list.length}.
            </p>
          )}
        </div>
      </section>
    </div>
  );
}
