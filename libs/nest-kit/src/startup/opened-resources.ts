import { StartupError } from './startup-error';

type Close = () => Promise<void> | void;

/**
 * What a service opened at start, closed in the reverse order. `open` names the dependency in a
 * StartupError when it cannot be reached, so an operator knows which variable to check.
 */
export class OpenedResources {
  private readonly closers: Close[] = [];

  /** Opens a service's dependencies with `open`; if one fails, those already opened are closed. */
  static async openAll<T>(open: (resources: OpenedResources) => Promise<T>): Promise<T> {
    const resources = new OpenedResources();
    try {
      return await open(resources);
    } catch (error) {
      await resources.closeAll();
      throw error;
    }
  }

  async open<T>(
    dependency: string,
    open: () => Promise<T> | T,
    close?: (opened: T) => Promise<void> | void,
  ): Promise<T> {
    let opened: T;
    try {
      opened = await open();
    } catch (error) {
      throw new StartupError(dependency, error);
    }
    if (close) this.closers.push(() => close(opened));
    return opened;
  }

  /** Closed with the others, after everything opened later. */
  onClose(close: Close): void {
    this.closers.push(close);
  }

  /** Closes in the reverse order of opening; one failure does not keep the others open. */
  async closeAll(): Promise<void> {
    for (const close of this.closers.splice(0).reverse()) {
      try {
        await close();
      } catch {
        // closing anyway
      }
    }
  }
}
