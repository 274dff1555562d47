import { createServer } from 'node:net';
import type { StartedTestContainer } from 'testcontainers';
import { ServerKind, ServerUrls } from './server-kind';

// Image versions match docker-compose.yml. The S3 server has no image here: it always comes from
// infra/local (SeaweedFS built from its Go module).
export const IMAGES = {
  kafka: 'apache/kafka:3.9.1',
  mongo: 'mongo:7.0',
  postgres: 'postgres:16-alpine',
  kurrentdb: 'kurrentplatform/kurrentdb:25.0',
} as const;

/** True when a container engine answers; false (never throws) otherwise. */
export async function dockerAvailable(): Promise<boolean> {
  if (process.env.TADAMON_NO_DOCKER === '1') return false;
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    await getContainerRuntimeClient();
    return true;
  } catch {
    return false;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** The servers a container can provide. */
export type DockerServerKind = keyof typeof IMAGES;
export const isDockerServerKind = (kind: ServerKind): kind is DockerServerKind => kind in IMAGES;

async function startOne(kind: DockerServerKind): Promise<{ url: string; container: StartedTestContainer }> {
  const { GenericContainer, Wait } = await import('testcontainers');
  switch (kind) {
    case 'kafka': {
      // Kafka advertises its address to clients, so the host port must be known before start.
      const port = await freePort();
      const container = await new GenericContainer(IMAGES.kafka)
        .withExposedPorts({ container: 9092, host: port })
        .withEnvironment({
          KAFKA_NODE_ID: '1',
          KAFKA_PROCESS_ROLES: 'broker,controller',
          KAFKA_LISTENERS: 'PLAINTEXT://:9092,CONTROLLER://:9093',
          KAFKA_ADVERTISED_LISTENERS: `PLAINTEXT://127.0.0.1:${port}`,
          KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER',
          KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: 'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
          KAFKA_CONTROLLER_QUORUM_VOTERS: '1@localhost:9093',
          KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
          KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '1',
          KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: '1',
          KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: '0',
          KAFKA_AUTO_CREATE_TOPICS_ENABLE: 'false',
        })
        .withWaitStrategy(Wait.forLogMessage(/Kafka Server started/))
        .start();
      return { url: `127.0.0.1:${port}`, container };
    }
    case 'mongo': {
      const container = await new GenericContainer(IMAGES.mongo)
        .withExposedPorts(27017)
        .withWaitStrategy(Wait.forLogMessage(/Waiting for connections/))
        .start();
      return {
        url: `mongodb://${container.getHost()}:${container.getMappedPort(27017)}/?directConnection=true`,
        container,
      };
    }
    case 'postgres': {
      const container = await new GenericContainer(IMAGES.postgres)
        .withEnvironment({
          POSTGRES_USER: 'tadamon',
          POSTGRES_PASSWORD: 'tadamon',
          POSTGRES_DB: 'tadamon_test',
        })
        .withExposedPorts(5432)
        .withWaitStrategy(Wait.forLogMessage(/database system is ready to accept connections/, 2))
        .start();
      return {
        url: `postgres://tadamon:tadamon@${container.getHost()}:${container.getMappedPort(5432)}/tadamon_test`,
        container,
      };
    }
    case 'kurrentdb': {
      const container = await new GenericContainer(IMAGES.kurrentdb)
        .withEnvironment({
          KURRENTDB_CLUSTER_SIZE: '1',
          KURRENTDB_RUN_PROJECTIONS: 'All',
          KURRENTDB_INSECURE: 'true',
          KURRENTDB_MEM_DB: 'true',
          KURRENTDB_MAX_APPEND_SIZE: '8388608',
        })
        .withExposedPorts(2113)
        .withWaitStrategy(Wait.forHttp('/health/live', 2113).forStatusCode(204))
        .start();
      return {
        url: `kurrentdb://${container.getHost()}:${container.getMappedPort(2113)}?tls=false`,
        container,
      };
    }
  }
}

export interface DockerServers {
  urls: ServerUrls;
  errors: Partial<Record<ServerKind, string>>;
  stop(): Promise<void>;
}

export async function startDockerServers(kinds: DockerServerKind[]): Promise<DockerServers> {
  const urls: ServerUrls = {};
  const errors: Partial<Record<ServerKind, string>> = {};
  const containers: StartedTestContainer[] = [];
  await Promise.all(
    kinds.map(async (kind) => {
      try {
        const started = await startOne(kind);
        urls[kind] = started.url;
        containers.push(started.container);
      } catch (error) {
        errors[kind] = `docker: ${(error as Error).message}`;
      }
    }),
  );
  return { urls, errors, stop: async () => void (await Promise.all(containers.map((c) => c.stop()))) };
}
