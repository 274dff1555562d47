import { Controller, Get } from '@nestjs/common';

export interface HealthReport {
  status: 'ok';
  service: string;
  profile: string;
  uptimeSeconds: number;
}

@Controller('health')
export class HealthController {
  private readonly startedAt = Date.now();

  @Get()
  health(): HealthReport {
    return {
      status: 'ok',
      service: 'platform',
      profile: 'embedded',
      uptimeSeconds: Math.round((Date.now() - this.startedAt) / 1000),
    };
  }
}
