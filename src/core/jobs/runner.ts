// A kick-driven background loop for work that must not run inside a request nor inside one long transaction
// (applying an import in chunks, solving a scenario): `kick()` after storing the work; the loop runs `work` until
// it returns, one run at a time per process, and runs again if kicked meanwhile. The work itself claims what it
// does with row locks (SKIP LOCKED), so several processes on one PostgreSQL never do the same piece twice.

export interface RunnerLog {
  error: (obj: unknown, msg: string) => void;
}

export class BackgroundRunner {
  private running: Promise<void> | null = null;
  private again = false;
  private closed = false;

  constructor(
    private readonly work: () => Promise<void>,
    private readonly log?: RunnerLog,
  ) {}

  /** Starts the loop, or asks for one more pass when it is running. */
  kick(): void {
    if (this.closed) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = (async () => {
      do {
        this.again = false;
        try {
          await this.work();
        } catch (e) {
          // The work records its own failures; what reaches here is unexpected (the database went away).
          this.log?.error({ err: e }, 'background runner failed');
        }
      } while (this.again && !this.closed);
    })().finally(() => {
      this.running = null;
    });
  }

  /** Resolves when the loop is idle (tests wait on it; shutdown too). */
  async drain(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Stops taking kicks and waits for the current pass. */
  async close(): Promise<void> {
    this.closed = true;
    await this.drain();
  }
}
