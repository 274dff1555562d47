import { Type } from '@nestjs/common';

/** Every controller of Partnerships' HTTP API (the module mounts them). */
export const PARTNERSHIPS_CONTROLLERS: Type<unknown>[] = [];
