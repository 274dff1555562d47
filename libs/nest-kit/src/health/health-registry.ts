import { Injectable } from '@nestjs/common';

/** Resolves when the dependency is usable; throws (or returns false) when it is not. */
export type HealthCheck = () => Promise<boolean | void> | boolean | void;

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

  register(name: string, check: HealthCheck): void {
    this.checks.set(name, check);
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
