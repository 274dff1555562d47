import { Injectable } from '@nestjs/common';
import { ModuleIsRetired, UnknownModules } from '../application/catalogue-errors';
import { TrainingCommands } from '../application/training-commands';

/**
 * The modules a path or a session names, read from their streams (the catalogue's read model may
 * lag an officer who just defined them).
 */
@Injectable()
export class CatalogueModules {
  constructor(private readonly commands: TrainingCommands) {}

  /** Every module exists (active or retired), else UNKNOWN_MODULES naming the missing ones. */
  async requireKnown(field: string, moduleIds: readonly string[]): Promise<void> {
    const loaded = await Promise.all(moduleIds.map((id) => this.commands.load('module', id)));
    const missing = [
      ...new Set(moduleIds.filter((_, i) => !loaded[i] || loaded[i]?.state.status === 'none')),
    ];
    if (missing.length > 0) throw new UnknownModules(field, missing);
  }

  /** The module exists and is active, else UNKNOWN_MODULES (404) or MODULE_RETIRED (409). */
  async requireActive(field: string, moduleId: string): Promise<void> {
    const loaded = await this.commands.load('module', moduleId);
    if (!loaded || loaded.state.status === 'none') throw new UnknownModules(field, [moduleId]);
    if (loaded.state.status === 'retired') throw new ModuleIsRetired(moduleId);
  }
}
