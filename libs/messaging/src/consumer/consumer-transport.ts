/**
 * The transport id of a consumer's handlers, for an app that holds the handlers of several
 * consumers listening to one topic (the embedded platform: Funding's and Partnerships' policies
 * both take the Registry's). `@EventPattern(topic, consumerTransport('funding'))` binds the handler
 * to the transport whose `transportId` is the same symbol; a transport without an id (the Kafka
 * consumer of a service, which holds one context) takes every handler.
 */
export const consumerTransport = (consumer: string): symbol => Symbol.for(`tadamon.consumer.${consumer}`);
