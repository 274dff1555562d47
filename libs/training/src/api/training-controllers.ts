import { Type } from '@nestjs/common';

/** Training's HTTP controllers, mounted under /api/training. */
export const TRAINING_CONTROLLERS: Type<unknown>[] = [];
