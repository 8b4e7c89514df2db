import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';

/**
 * A background loop of the worker: runs `tick()` every `intervalMs()`, one run at a time (the
 * next is scheduled when the last ends), and lets a run in progress finish at shutdown.
 */
export abstract class PeriodicJob implements OnApplicationBootstrap, OnApplicationShutdown {
  protected readonly logger = new Logger(this.constructor.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private stopped = false;

  protected abstract intervalMs(): number;
  protected abstract tick(): Promise<unknown>;

  onApplicationBootstrap(): void {
    this.schedule();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick()
        .catch((error: Error) => this.logger.error(`${this.constructor.name} failed: ${error.message}`))
        .finally(() => this.schedule());
    }, this.intervalMs());
  }
}
