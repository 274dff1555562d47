import { Type } from '@nestjs/common';
import { PartnershipsIatiController } from './iati.controller';

/** Every controller of Partnerships' HTTP API (the module mounts them). */
export const PARTNERSHIPS_CONTROLLERS: Type<unknown>[] = [PartnershipsIatiController];
