/**
 * One piece of async work that never runs twice at once: a kick while it runs makes it run once
 * more afterwards (as many kicks as come in meanwhile), so nothing asked for is skipped and nothing
 * overlaps — the pusher (one batch in flight, in order) and the puller (one cursor) both need that.
 */
export class SerialRunner {
  private active = false;
  private again = false;

  constructor(
    private readonly work: () => Promise<void>,
    /** Asked before a run that a kick queued meanwhile: false holds it (e.g. a retry is scheduled). */
    private readonly mayRunAgain: () => boolean = () => true,
    private readonly onSettled: () => void = () => {},
  ) {}

  get running(): boolean {
    return this.active;
  }

  kick(): void {
    if (this.active) {
      this.again = true;
      return;
    }
    void this.run();
  }

  private async run(): Promise<void> {
    this.active = true;
    try {
      await this.work();
    } finally {
      this.active = false;
      this.onSettled();
      if (this.again) {
        this.again = false;
        if (this.mayRunAgain()) this.kick();
      }
    }
  }
}
