/**
 * The zustand store and everything that changes it: commands through the Bridge, live events
 * through the live client (one store update per frame at most), reloads after a resync, and the
 * 5-second polling while the connection is down.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { documentChannel, libraryChannel, parseChannel, queueChannel, rewriteChannel } from '../../src-shared/channels';
import type { CommandArgs, ImportResult, SettingsPatch } from '../../src-shared/commands';
import type {
  DocumentDetail,
  DocumentSummary,
  JobRecord,
  RewriteDetail,
  RewriteOptions,
  SettingsView,
} from '../../src-shared/models';
import type { AppBridge } from '../bridge/types';
import { BridgeError, errorMessage } from '../bridge/types';
import type { LiveClient } from '../live/client';
import { reduceBatch, type ToastInput } from './reduce';
import {
  ACTIVITY_LIMIT,
  FINAL_REWRITE,
  initialState,
  LOG_LIMIT,
  TOAST_LIMIT,
  type Decision,
  PENDING_DOCUMENT,
  type AppState,
  type RewriteState,
  type SampleState,
} from './state';

export type AppStore = StoreApi<AppState>;

/** Documents whose analysis is followed live at once; more wait their turn. */
export const DOCUMENT_WINDOW = 64;
export const REWRITE_WINDOW = 32;

export function createAppStore(): AppStore {
  return createStore<AppState>()(() => ({ ...initialState(), sessionStart: Date.now() }));
}

/** Keeps a bounded set of channels held, following a wanted list recomputed on every change. */
class ChannelWindow {
  private readonly held = new Map<string, () => void>();
  constructor(
    private readonly live: LiveClient,
    private readonly size: number,
  ) {}

  update(wanted: string[]): void {
    const want = new Set(wanted.slice(0, this.size));
    for (const [name, release] of this.held) {
      if (!want.has(name)) {
        release();
        this.held.delete(name);
      }
    }
    for (const name of want) if (!this.held.has(name)) this.held.set(name, this.live.hold(name, { since: 0 }));
  }

  get channels(): string[] {
    return [...this.held.keys()];
  }
}

/**
 * The entities an event is about ("doc:12", "job:4", "rewrite:3"), to know whether a command's
 * answer is older than what events have since said.
 */
export function eventKeys(event: string, data: unknown): string[] {
  const d = (data ?? {}) as Record<string, unknown>;
  const keys: string[] = [];
  if (event === 'job.updated' && typeof d.id === 'number') keys.push(`job:${d.id}`);
  if (typeof d.document_id === 'number') keys.push(`doc:${d.document_id}`);
  if (typeof d.rewrite_id === 'number') keys.push(`rewrite:${d.rewrite_id}`);
  return keys;
}

export class Actions {
  private toastId = 0;
  /** Keys of history entries count down, so they never meet the live ones'. */
  private historyKey = 0;
  /** A counter of events received, and per entity the count at its last event. */
  private eventClock = 0;
  private readonly lastEvent = new Map<string, number>();
  /** Per deleted document, the event clock at its deletion: a list read before it must not bring it back. */
  private readonly deletedAt = new Map<number, number>();
  private statsTimer: ReturnType<typeof setTimeout> | null = null;
  private queueWatchers = 0;
  private readonly docWindow: ChannelWindow;
  private readonly rewriteWindow: ChannelWindow;
  private readonly sampleWindow: ChannelWindow;
  private readonly stops: (() => void)[] = [];

  constructor(
    readonly bridge: AppBridge,
    readonly store: AppStore,
    readonly live: LiveClient,
  ) {
    this.docWindow = new ChannelWindow(live, DOCUMENT_WINDOW);
    this.rewriteWindow = new ChannelWindow(live, REWRITE_WINDOW);
    this.sampleWindow = new ChannelWindow(live, 16);
    this.stops.push(live.addSink((batch) => this.applyBatch(batch)));
    // Resyncs reach reloadChannel through the live client (the reducer only reports them).
    this.stops.push(live.onResync((channel) => void this.reloadChannel(channel)));
    this.stops.push(store.subscribe((s, prev) => this.follow(s, prev)));
  }

  /**
   * Asks who is signed in, subscribes to that account's library and queue, loads the first state
   * and starts following. Until the account is known no per-user channel is joined (there is no
   * fixed user id: every account gets its own channels).
   */
  start(): void {
    this.stops.push(this.live.hold('*', { since: null }));
    this.stops.push(this.live.addPoller(() => this.pollLibrary()));
    void this.followAccount();
    void this.loadLibrary();
    void this.loadJobs();
    void this.loadSettings();
  }

  private async followAccount(attempt = 0): Promise<void> {
    let user: AppState['user'];
    try {
      ({ user } = await this.bridge.invoke('whoami', {}));
    } catch {
      // The server is not reachable yet: try again, more slowly each time.
      const delay = Math.min(5000, 250 * 2 ** attempt);
      const t = setTimeout(() => void this.followAccount(attempt + 1), delay);
      this.stops.push(() => clearTimeout(t));
      return;
    }
    if (!user) return;
    this.set({ user });
    this.stops.push(this.live.hold(libraryChannel(user.id), { since: null }));
    this.stops.push(this.live.hold(queueChannel(user.id), { since: null }));
  }

  stop(): void {
    for (const s of this.stops.splice(0)) s();
    this.docWindow.update([]);
    this.rewriteWindow.update([]);
    this.sampleWindow.update([]);
  }

  private set(patch: Partial<AppState> | ((s: AppState) => Partial<AppState>)): void {
    this.store.setState(patch);
  }

  // ---- live --------------------------------------------------------------------------------------

  private applyBatch(batch: Parameters<typeof reduceBatch>[1]): void {
    for (const item of batch) {
      if (item.kind !== 'event' || item.via === '*') continue;
      this.eventClock++;
      for (const k of eventKeys(item.envelope.event, item.envelope.data)) this.lastEvent.set(k, this.eventClock);
      const id = (item.envelope.data as { document_id?: unknown } | null)?.document_id;
      if (item.envelope.event === 'document.deleted' && typeof id === 'number') this.deletedAt.set(id, this.eventClock);
    }
    const r = reduceBatch(this.store.getState(), batch);
    if (r.toasts.length) Object.assign(r.patch, this.withToasts({ ...this.store.getState(), ...r.patch }, r.toasts));
    if (Object.keys(r.patch).length) this.store.setState(r.patch);
    if (r.jobsChanged) this.statsSoon();
  }

  /** Follows what is in flight: analyses, revisions and sample checks each hold their channel. */
  private follow(s: AppState, prev: AppState): void {
    if (s.docs !== prev.docs || s.details !== prev.details) {
      const wanted: string[] = [];
      for (const d of s.docs.values()) if (PENDING_DOCUMENT.has(d.status)) wanted.push(documentChannel(d.id));
      for (const d of s.details.values())
        if (PENDING_DOCUMENT.has(d.status) && !s.docs.has(d.id)) wanted.push(documentChannel(d.id));
      // Oldest first, so the queue's order is followed.
      wanted.sort((a, b) => Number(a.slice(a.lastIndexOf('.') + 1)) - Number(b.slice(b.lastIndexOf('.') + 1)));
      this.docWindow.update(wanted);
    }
    if (s.rewrites !== prev.rewrites) {
      const wanted: string[] = [];
      for (const r of s.rewrites.values()) if (!FINAL_REWRITE.has(r.status)) wanted.push(rewriteChannel(r.id));
      this.rewriteWindow.update(wanted);
    }
    if (s.samples !== prev.samples) {
      const wanted = new Set<string>();
      for (const sm of s.samples.values()) if (sm.status === 'queued') wanted.add(documentChannel(sm.document_id));
      this.sampleWindow.update([...wanted]);
    }
  }

  /** After a resync, the channel's state is loaded again by command. */
  async reloadChannel(channel: string): Promise<void> {
    const base = parseChannel(channel).base;
    const [kind, idText] = [base.slice(0, base.indexOf('.')), base.slice(base.indexOf('.') + 1)];
    const id = Number(idText);
    try {
      if (kind === 'library') await this.loadLibrary();
      else if (kind === 'queue') await Promise.all([this.loadJobs(), this.loadStats()]);
      else if (kind === 'documents' && Number.isInteger(id)) {
        if (this.store.getState().details.has(id)) await this.loadDocument(id);
        else await this.refreshSummary(id);
      } else if (kind === 'rewrites' && Number.isInteger(id)) await this.loadRewrite(id);
    } catch {
      /* the next poll or event tries again */
    }
  }

  private pollLibrary(): Promise<void> {
    return this.store.getState().libraryLoaded ? this.loadLibrary() : Promise.resolve();
  }

  /**
   * Whether events about `key` arrived since `since` (a value of the event clock taken before a
   * command was sent): then the command's answer is older than the state and must not replace it.
   */
  private newerThan(key: string, since: number): boolean {
    return (this.lastEvent.get(key) ?? 0) > since;
  }

  /** Whether a `document.deleted` event for the document arrived since `since`. */
  private deletedSince(id: number, since: number): boolean {
    return (this.deletedAt.get(id) ?? 0) > since;
  }

  // ---- toasts ------------------------------------------------------------------------------------

  /** The newest toasts, at most TOAST_LIMIT; each also goes to the activity list, which keeps them. */
  private withToasts(s: AppState, add: ToastInput[]): Pick<AppState, 'toasts' | 'activity'> {
    const items = add.map((t) => ({ ...t, id: ++this.toastId }));
    const at = Date.now();
    return {
      toasts: [...s.toasts, ...items].slice(-TOAST_LIMIT),
      activity: [...items.reverse().map((t) => ({ ...t, at })), ...s.activity].slice(0, ACTIVITY_LIMIT),
    };
  }

  toast(t: ToastInput): void {
    this.set((s) => this.withToasts(s, [t]));
  }

  toastError(err: unknown, prefix?: string): void {
    this.toast({ kind: 'error', message: prefix ? `${prefix}: ${errorMessage(err)}` : errorMessage(err) });
  }

  dismissToast(id: number): void {
    this.set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) }));
  }

  // ---- documents ---------------------------------------------------------------------------------

  async loadLibrary(): Promise<void> {
    const since = this.eventClock;
    const { documents } = await this.bridge.invoke('listDocuments', {
      limit: 20000,
      sort: 'created_at',
      order: 'desc',
    });
    this.set((s) => {
      const docs = new Map<number, DocumentSummary>();
      // A document that events changed while the list was on its way keeps what they said; one
      // they deleted stays deleted.
      for (const d of documents) {
        if (this.deletedSince(d.id, since)) continue;
        docs.set(d.id, this.newerThan(`doc:${d.id}`, since) ? (s.docs.get(d.id) ?? d) : d);
      }
      // One imported while the list was on its way (the list was read before it) is kept too: the
      // poll that reloads the library must not drop a document its events just added.
      for (const [id, d] of s.docs) if (!docs.has(id) && this.newerThan(`doc:${id}`, since)) docs.set(id, d);
      return { docs, libraryLoaded: true };
    });
  }

  private async refreshSummary(id: number): Promise<void> {
    try {
      const since = this.eventClock;
      const d = await this.bridge.invoke('getDocument', { id });
      if (!this.newerThan(`doc:${id}`, since)) this.mergeSummary(d);
    } catch (err) {
      if (err instanceof BridgeError && err.code === 'not_found') this.forget(id);
    }
  }

  private mergeSummary(d: DocumentSummary): void {
    const summary: DocumentSummary = {
      id: d.id,
      name: d.name,
      format: d.format,
      status: d.status,
      word_count: d.word_count,
      size_bytes: d.size_bytes,
      ai_confidence: d.ai_confidence,
      verdict: d.verdict,
      ai_share: d.ai_share,
      error: d.error,
      version: d.version,
      created_at: d.created_at,
      analyzed_at: d.analyzed_at,
    };
    this.set((s) => {
      const docs = new Map(s.docs);
      docs.set(d.id, summary);
      return { docs };
    });
  }

  private forget(id: number): void {
    this.set((s) => {
      const docs = new Map(s.docs);
      const details = new Map(s.details);
      docs.delete(id);
      details.delete(id);
      return { docs, details };
    });
  }

  async loadDocument(id: number, attempt = 0): Promise<void> {
    try {
      const since = this.eventClock;
      const detail = await this.bridge.invoke('getDocument', { id });
      // Events about it arrived meanwhile: this answer may be older than they are; ask again.
      if (attempt === 0 && this.newerThan(`doc:${id}`, since)) return this.loadDocument(id, 1);
      this.set((s) => {
        const details = new Map(s.details);
        details.set(id, detail);
        return { details };
      });
      this.mergeSummary(detail);
    } catch (err) {
      if (err instanceof BridgeError && err.code === 'not_found') this.forget(id);
      throw err;
    }
  }

  async importFiles(files: File[]): Promise<ImportResult> {
    const result = await this.bridge.importFiles(files);
    this.noteImported(result);
    return result;
  }

  /** Adds imported documents (the server does not echo our own imports back) and reports refusals. */
  noteImported(result: ImportResult): void {
    if (result.documents.length) {
      this.set((s) => {
        const docs = new Map(s.docs);
        for (const d of result.documents) if (!docs.has(d.id)) docs.set(d.id, d);
        return { docs };
      });
      this.toast({
        kind: 'info',
        message:
          result.documents.length === 1
            ? `Imported ${result.documents[0].name}. Analyzing document...`
            : `Imported ${result.documents.length} documents. Analyzing...`,
      });
    }
    for (const e of result.errors) this.toast({ kind: 'error', message: `${e.name}: ${e.error.message}` });
  }

  async deleteDocument(id: number): Promise<void> {
    const name = this.store.getState().docs.get(id)?.name ?? `Document ${id}`;
    await this.bridge.invoke('deleteDocument', { id });
    this.forget(id);
    this.toast({ kind: 'info', message: `Deleted ${name}.` });
  }

  async reanalyze(id: number): Promise<void> {
    const since = this.eventClock;
    const { document } = await this.bridge.invoke('analyzeDocument', { id });
    if (!this.newerThan(`doc:${id}`, since)) this.mergeSummary(document);
  }

  async exportDocument(
    id: number,
    format: CommandArgs<'exportDocument'>['format'],
    opts: { rewrite_id?: number; version?: number; accepted_hunks?: number[] } = {},
  ): Promise<void> {
    const file = await this.bridge.invoke('exportDocument', { id, format, ...opts });
    const saved = await this.bridge.saveFile(file.name, file.mime, file.base64);
    if (saved.saved)
      this.toast({ kind: 'success', message: `Exported ${file.name}${saved.path ? ` to ${saved.path}` : ''}.` });
  }

  // ---- revisions ---------------------------------------------------------------------------------

  async revise(documentId: number, options?: Partial<RewriteOptions>): Promise<number> {
    const { rewrite } = await this.bridge.invoke('rewriteDocument', {
      id: documentId,
      ...(options ? { options } : {}),
    });
    this.set((s) => {
      const rewrites = new Map(s.rewrites);
      const old = rewrites.get(rewrite.id);
      rewrites.set(rewrite.id, {
        id: rewrite.id,
        document_id: rewrite.document_id,
        status: old?.status && old.status !== 'queued' ? old.status : rewrite.status,
        progress: Math.max(old?.progress ?? 0, rewrite.progress),
        estimated_time: old?.estimated_time ?? null,
        queued_at: rewrite.queued_at,
        started_at: old?.started_at ?? rewrite.started_at,
        completed_at: old?.completed_at ?? rewrite.completed_at,
        error: rewrite.error,
        diff_summary: old?.diff_summary ?? rewrite.diff_summary,
        detail: old?.detail ?? null,
        applied_version: rewrite.applied_version,
        sections_done: old?.sections_done ?? null,
        sections_total: old?.sections_total ?? null,
      });
      return { rewrites };
    });
    return rewrite.id;
  }

  async loadRewrite(id: number, attempt = 0): Promise<RewriteDetail> {
    const since = this.eventClock;
    const detail = await this.bridge.invoke('getRewrite', { id });
    if (attempt === 0 && this.newerThan(`rewrite:${id}`, since)) return this.loadRewrite(id, 1);
    this.set((s) => {
      const rewrites = new Map(s.rewrites);
      const old = rewrites.get(id);
      const next: RewriteState = {
        id,
        document_id: detail.document_id,
        status: detail.status,
        progress: detail.progress,
        estimated_time: old?.estimated_time ?? null,
        queued_at: detail.queued_at,
        started_at: detail.started_at,
        completed_at: detail.completed_at,
        error: detail.error,
        diff_summary: detail.diff_summary,
        // While it runs, the changes of sections already finished (when the engine gives them).
        detail: detail.status === 'completed' || detail.hunks.length > 0 ? detail : null,
        applied_version: detail.applied_version,
        sections_done: old?.sections_done ?? null,
        sections_total: old?.sections_total ?? null,
      };
      rewrites.set(id, next);
      return { rewrites };
    });
    return detail;
  }

  async applyRewrite(id: number, accepted: number[] | 'all'): Promise<number> {
    const since = this.eventClock;
    const { document, version } = await this.bridge.invoke('applyRewrite', { id, accepted_hunks: accepted });
    // The new version's analysis may already have been reported by events.
    if (!this.newerThan(`doc:${document.id}`, since)) this.mergeSummary(document);
    this.set((s) => {
      const rewrites = new Map(s.rewrites);
      const r = rewrites.get(id);
      if (r)
        rewrites.set(id, {
          ...r,
          applied_version: version,
          detail: r.detail ? { ...r.detail, applied_version: version } : null,
        });
      return { rewrites };
    });
    this.toast({
      kind: 'success',
      message: `Applied the accepted changes as version ${version} of ${document.name}. Analyzing document...`,
      route: `/documents/${document.id}`,
    });
    return version;
  }

  // ---- samples -----------------------------------------------------------------------------------

  async validateSample(
    args: { document_id: number; text?: string; start?: number; end?: number; rewrite_id?: number },
    label: string,
    opts: { quiet?: boolean } = {},
  ): Promise<number> {
    const { sample } = await this.bridge.invoke('validateSample', args);
    this.set((s) => {
      const samples = new Map(s.samples);
      const old = samples.get(sample.id);
      const next: SampleState = {
        id: sample.id,
        document_id: sample.document_id,
        rewrite_id: sample.rewrite_id,
        // The result may already have arrived live.
        status: old?.status === 'completed' ? 'completed' : sample.status,
        ai_confidence: old?.ai_confidence ?? sample.ai_confidence,
        verdict: sample.verdict,
        validated_at: old?.validated_at ?? sample.validated_at,
        label,
        created_at: sample.created_at,
        quiet: opts.quiet,
      };
      samples.set(sample.id, next);
      return { samples };
    });
    return sample.id;
  }

  // ---- queue -------------------------------------------------------------------------------------

  async loadJobs(): Promise<void> {
    const since = this.eventClock;
    const { jobs } = await this.bridge.invoke('listJobs', { limit: 1000 });
    this.set((s) => {
      const map = new Map<number, JobRecord>();
      for (const j of jobs) map.set(j.id, this.newerThan(`job:${j.id}`, since) ? (s.jobs.get(j.id) ?? j) : j);
      // Jobs newer than the list (it is capped) stay.
      for (const [id, j] of s.jobs) if (!map.has(id) && this.newerThan(`job:${id}`, since)) map.set(id, j);
      return { jobs: map, jobsLoaded: true };
    });
  }

  async loadStats(): Promise<void> {
    const stats = await this.bridge.invoke('getQueueStats', {});
    this.set({ stats });
  }

  /** The queue dashboard is open: statistics follow job events (at most once a second). */
  watchQueue(): () => void {
    this.queueWatchers++;
    void this.loadStats().catch(() => {});
    return () => {
      this.queueWatchers--;
    };
  }

  private statsSoon(): void {
    if (this.queueWatchers <= 0 || this.statsTimer) return;
    this.statsTimer = setTimeout(() => {
      this.statsTimer = null;
      void this.loadStats().catch(() => {});
    }, 1000);
  }

  private putJob(job: JobRecord): void {
    this.set((s) => {
      const jobs = new Map(s.jobs);
      jobs.set(job.id, job);
      return { jobs };
    });
  }

  async cancelJob(id: number): Promise<void> {
    const since = this.eventClock;
    const { job } = await this.bridge.invoke('cancelJob', { id });
    if (!this.newerThan(`job:${id}`, since)) this.putJob(job);
    void this.loadStats().catch(() => {});
  }

  async retryJob(id: number): Promise<void> {
    const since = this.eventClock;
    const { job } = await this.bridge.invoke('retryJob', { id });
    // The retried job may already have run (and said so) before this answer came back.
    if (!this.newerThan(`job:${id}`, since)) this.putJob(job);
    void this.loadStats().catch(() => {});
  }

  /** The job working on a revision, from the loaded list or by asking. */
  async jobOfRewrite(rewriteId: number): Promise<JobRecord | null> {
    const find = () =>
      [...this.store.getState().jobs.values()]
        .filter((j) => j.type === 'rewrite' && j.subject_id === rewriteId)
        .sort((a, b) => b.id - a.id)[0];
    const known = find();
    if (known) return known;
    await this.loadJobs();
    return find() ?? null;
  }

  /** Records the reader's decisions on a revision's changes. */
  setDecisions(rewriteId: number, decisions: ReadonlyMap<number, Decision>): void {
    this.set((s) => {
      const all = new Map(s.decisions);
      all.set(rewriteId, decisions);
      return { decisions: all };
    });
  }

  /** A version of a document with its own analysis (not kept in the store: the views hold it). */
  getVersion(id: number, version: number): Promise<DocumentDetail> {
    return this.bridge.invoke('getDocument', { id, version });
  }

  // ---- event log ---------------------------------------------------------------------------------

  /**
   * The log's recent history (the firehose is live only): what the server kept, merged under what
   * arrived since, without duplicates.
   */
  async loadRecentEvents(): Promise<void> {
    const { events } = await this.bridge.invoke('getRecentEvents', { limit: 1000 });
    this.set((s) => {
      const seen = new Set<string>();
      for (const e of [...s.log.items, ...s.log.held]) seen.add(`${e.channel}#${e.seq}`);
      const older = events
        .filter((e) => !seen.has(`${e.channel}#${e.seq}`))
        .map((e) => ({
          key: --this.historyKey,
          channel: e.channel,
          event: e.event,
          data: e.data,
          seq: e.seq,
          receivedAt: e.ts,
        }));
      if (older.length === 0) return {};
      const items = [...s.log.items, ...older].sort((a, b) => b.receivedAt - a.receivedAt).slice(0, LOG_LIMIT);
      return { log: { ...s.log, items } };
    });
  }

  setLogPaused(paused: boolean): void {
    this.set((s) => {
      if (paused) return { log: { ...s.log, paused: true } };
      return { log: { items: [...s.log.held, ...s.log.items].slice(0, 5000), held: [], paused: false } };
    });
  }

  clearLog(): void {
    this.set((s) => ({ log: { ...s.log, items: [], held: [] } }));
  }

  // ---- settings ----------------------------------------------------------------------------------

  async loadSettings(): Promise<SettingsView> {
    const settings = await this.bridge.invoke('getSettings', {});
    this.set({ settings });
    return settings;
  }

  async saveSettings(patch: SettingsPatch): Promise<SettingsView> {
    const settings = await this.bridge.invoke('updateSettings', { patch });
    this.set({ settings });
    return settings;
  }
}
