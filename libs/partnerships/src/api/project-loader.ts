import { Injectable } from '@nestjs/common';
import { isStableId } from '@tadamon/domain-kit';
import { Actor, ProblemException } from '@tadamon/nest-kit';
import { PartnershipsCommands } from '../application/partnerships-commands';
import { OpenedProject } from '../domain/project/project-state';
import { assertSeesProject } from './project-access';

/** A project folded from its stream, for the caller: 404 when absent or not theirs to see. */
@Injectable()
export class ProjectLoader {
  constructor(private readonly commands: PartnershipsCommands) {}

  async open(projectId: string): Promise<{ state: OpenedProject; revision: number }> {
    if (!isStableId(projectId)) throw new ProblemException('not-found');
    const loaded = await this.commands.load('project', projectId);
    if (!loaded || loaded.state.status === 'none') throw new ProblemException('not-found');
    return { state: loaded.state, revision: loaded.revision };
  }

  async seenBy(actor: Actor, projectId: string): Promise<{ state: OpenedProject; revision: number }> {
    const loaded = await this.open(projectId);
    assertSeesProject(actor, loaded.state);
    return loaded;
  }
}
