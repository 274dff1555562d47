import { HttpStatus } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { ROLES_KEY } from '../auth/auth.decorators';
import { CommandResultDto } from '../validation/shared-dtos';
import { CommandEndpoint } from './command-endpoint.decorator';

// @nestjs/swagger's metadata keys (its constants are not exported).
const API_OPERATION = 'swagger/apiOperation';
const API_RESPONSE = 'swagger/apiResponse';

class NotesController {
  @CommandEndpoint({ roles: ['officer'], summary: 'Close a note (officer)', problems: [400, 404, 409] })
  close(): string {
    return 'closed';
  }

  @CommandEndpoint({ roles: ['officer', 'admin'], summary: 'Open a note', problems: [400], creates: true })
  open(): string {
    return 'opened';
  }
}

const meta = (key: string, handler: keyof NotesController) =>
  Reflect.getMetadata(key, NotesController.prototype[handler]) as unknown;

describe('a command endpoint', () => {
  it('carries its roles, its status, its summary, the command result and its problems', () => {
    expect(meta(ROLES_KEY, 'close')).toEqual(['officer']);
    expect(meta(HTTP_CODE_METADATA, 'close')).toBe(HttpStatus.OK);
    expect(meta(API_OPERATION, 'close')).toMatchObject({ summary: 'Close a note (officer)' });
    const responses = meta(API_RESPONSE, 'close') as Record<string, { type?: unknown }>;
    expect(Object.keys(responses).sort()).toEqual(['200', '400', '404', '409']);
    expect(responses['200'].type).toBe(CommandResultDto);
  });

  it('answers 201 with the command result when it creates a record', () => {
    expect(meta(ROLES_KEY, 'open')).toEqual(['officer', 'admin']);
    expect(meta(HTTP_CODE_METADATA, 'open')).toBe(HttpStatus.CREATED);
    const responses = meta(API_RESPONSE, 'open') as Record<string, { type?: unknown }>;
    expect(responses['201'].type).toBe(CommandResultDto);
  });
});
