import { Injectable } from '@nestjs/common';

/** Resolves when the dependency is usable; throws (or returns false) when it is not. */
export type HealthCheck = () => Promise<boolean | void> | boolean | void;

/**
 * Why a piece of background work can make no progress (a delivery hung past every timeout), or
 * undefined. Liveness fails on any: only a restart frees what the work holds.
 */
export type ProgressCheck = () => string | undefined;

export interface CheckResult {
  name: string;
  status: 'up' | 'down';
  error?: string;
}

/** Each dependency (event store, broker, read store) registers the check readiness runs. */
@Injectable()
export class HealthRegistry {
  private readonly checks = new Map<string, HealthCheck>();

  constructor(private readonly timeoutMs = 2000) {}

  private readonly progress = new Map<string, ProgressCheck>();

  register(name: string, check: HealthCheck): void {
    this.checks.set(name, check);
  }

  registerProgress(name: string, check: ProgressCheck): void {
    this.progress.set(name, check);
  }

  /** The work that can make no progress, with why. */
  stuck(): { name: string; reason: string }[] {
    const stuck: { name: string; reason: string }[] = [];
    for (const [name, check] of this.progress) {
      const reason = check();
      if (reason !== undefined) stuck.push({ name, reason });
    }
    return stuck;
  }

  async check(): Promise<CheckResult[]> {
    return Promise.all([...this.checks].map(([name, check]) => this.run(name, check)));
  }

  private async run(name: string, check: HealthCheck): Promise<CheckResult> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${this.timeoutMs} ms`)), this.timeoutMs);
    });
    try {
      const result = await Promise.race([Promise.resolve().then(check), timeout]);
      return result === false ? { name, status: 'down', error: 'check failed' } : { name, status: 'up' };
    } catch (error) {
      return { name, status: 'down', error: (error as Error).message ?? String(error) };
    } finally {
      clearTimeout(timer);
    }
  }
}
