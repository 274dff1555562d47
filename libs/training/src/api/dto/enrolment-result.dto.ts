import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CommandResultDto } from '@tadamon/nest-kit';

export class EnrolmentResultDto extends CommandResultDto {
  @ApiProperty({ example: 'person-demo-md-president' })
  traineeId!: string;

  @ApiProperty({ enum: ['confirmed', 'waiting'] })
  status!: 'confirmed' | 'waiting';

  @ApiPropertyOptional({
    example: 3,
    description: 'Waiting: the place on the waiting list, 1 for the next seat',
  })
  waitingPosition?: number;
}
