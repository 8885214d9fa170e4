/**
 * What the shell shows outside the window while work runs: the dock/taskbar progress of running
 * revisions (`setProgressBar`), and a system notification when work completes or fails while the
 * window is not focused (analyses finishing together make one notification). Electron-free.
 */
import type { Envelope, EventPayload } from '../../src-shared/events';

export interface MonitorSink {
  /** 0–1, or -1 to remove the progress bar. */
  setProgress(value: number): void;
  notify(title: string, body: string): void;
  isFocused(): boolean;
}

export class WorkMonitor {
  private readonly active = new Map<number, number>();
  private analyzed = 0;
  private analyzedTimer: ReturnType<typeof setTimeout> | null = null;
  private lastProgress = -1;

  constructor(
    private readonly sink: MonitorSink,
    private readonly coalesceMs = 1500,
  ) {}

  onEnvelope(env: Envelope): void {
    switch (env.event) {
      case 'rewrite.queued':
      case 'rewrite.processing': {
        const p = env.data as EventPayload<'rewrite.processing'>;
        if (!this.active.has(p.rewrite_id)) this.active.set(p.rewrite_id, 0);
        this.update();
        break;
      }
      case 'rewrite.progress': {
        const p = env.data as EventPayload<'rewrite.progress'>;
        this.active.set(p.rewrite_id, Math.max(this.active.get(p.rewrite_id) ?? 0, p.progress));
        this.update();
        break;
      }
      case 'rewrite.completed': {
        const p = env.data as EventPayload<'rewrite.completed'>;
        this.active.delete(p.rewrite_id);
        this.update();
        if (!this.sink.isFocused()) {
          const d = p.diff_summary;
          this.sink.notify(
            'Revision ready',
            `Revision #${p.rewrite_id}: ${d.additions} words added, ${d.deletions} removed. Open Inkproof to review the changes.`,
          );
        }
        break;
      }
      case 'rewrite.failed': {
        const p = env.data as EventPayload<'rewrite.failed'>;
        this.active.delete(p.rewrite_id);
        this.update();
        if (!this.sink.isFocused()) this.sink.notify('Revision failed', p.error);
        break;
      }
      case 'document.analyzed': {
        if (this.sink.isFocused()) break;
        this.analyzed++;
        this.analyzedTimer ??= setTimeout(() => {
          this.analyzedTimer = null;
          const n = this.analyzed;
          this.analyzed = 0;
          if (n > 0 && !this.sink.isFocused())
            this.sink.notify(
              'Analysis complete',
              n === 1 ? 'A document has been analysed.' : `${n} documents have been analysed.`,
            );
        }, this.coalesceMs);
        break;
      }
      default:
        break;
    }
  }

  /** The average progress of the running revisions. */
  get progress(): number {
    if (this.active.size === 0) return -1;
    let sum = 0;
    for (const p of this.active.values()) sum += p;
    return sum / this.active.size / 100;
  }

  private update(): void {
    const p = this.progress;
    // The taskbar needs no more than whole percents.
    const rounded = p < 0 ? -1 : Math.round(p * 100) / 100;
    if (rounded === this.lastProgress) return;
    this.lastProgress = rounded;
    this.sink.setProgress(rounded);
  }

  dispose(): void {
    if (this.analyzedTimer) clearTimeout(this.analyzedTimer);
    this.analyzedTimer = null;
  }
}
