import { Type } from '@nestjs/common';
import { AttendanceReadsController } from './attendance-reads.controller';
import { AttendanceController } from './attendance.controller';
import { CheckInController } from './check-in.controller';
import { SessionCompletionController } from './session-completion.controller';

/** Training's HTTP controllers, mounted under /api/training. */
export const TRAINING_CONTROLLERS: Type<unknown>[] = [
  AttendanceController,
  CheckInController,
  SessionCompletionController,
  AttendanceReadsController,
];
