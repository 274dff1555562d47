const CONTEXT = /^[a-z][a-z0-9]*$/;

export class InvalidContextName extends Error {
  constructor(context: string) {
    super(
      `invalid context name "${context}": expected lower-case letters and digits, starting with a letter`,
    );
    this.name = 'InvalidContextName';
  }
}

export function assertContextName(context: string): void {
  if (!CONTEXT.test(context)) throw new InvalidContextName(context);
}

/** The topic a context publishes its integration events to: `tadamon.<context>.events.v1`. */
export function eventsTopic(context: string): string {
  assertContextName(context);
  return `tadamon.${context}.events.v1`;
}

/** The dead-letter twin of a topic: where consumers put messages they could not handle. */
export function deadLetterTopic(topic: string): string {
  if (topic.endsWith('.dlt')) throw new Error(`${topic} is already a dead-letter topic`);
  return `${topic}.dlt`;
}

/** The consumer group of a context: one per context, whatever the number of its instances. */
export function consumerGroup(context: string): string {
  assertContextName(context);
  return `tadamon.${context}`;
}
