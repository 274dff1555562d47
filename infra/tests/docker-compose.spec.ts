import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { IMAGES } from '@tadamon/testing';

interface ComposeService {
  image: string;
  healthcheck?: { test: string[] | string };
  volumes?: string[];
}
interface ComposeFile {
  services: Record<string, ComposeService>;
  volumes: Record<string, unknown>;
}

describe('docker-compose.yml', () => {
  const compose = parse(readFileSync(join(__dirname, '../../docker-compose.yml'), 'utf8')) as ComposeFile;

  it.each([
    ['kafka', IMAGES.kafka],
    ['kurrentdb', IMAGES.kurrentdb],
    ['mongodb', IMAGES.mongo],
    ['postgres', IMAGES.postgres],
  ])('declares %s with the image the tests use (%s)', (name, image) => {
    expect(compose.services[name]?.image).toBe(image);
  });

  it.each(['kafka', 'kurrentdb', 'mongodb', 'postgres', 'mailpit'])('gives %s a health check', (name) => {
    expect(compose.services[name].healthcheck?.test).toBeDefined();
  });

  it.each(['kafka', 'kurrentdb', 'mongodb', 'postgres', 'mailpit'])(
    'keeps %s data in a declared named volume',
    (name) => {
      const named = (compose.services[name].volumes ?? [])
        .map((v) => v.split(':')[0])
        .filter((v) => !v.startsWith('.'));
      expect(named.length).toBeGreaterThan(0);
      for (const volume of named) expect(Object.keys(compose.volumes)).toContain(volume);
    },
  );

  it('runs Mailpit 1.33 on 1025/8025 keeping every message (no cap that would prune older ones)', () => {
    const mailpit = compose.services.mailpit as ComposeService & {
      environment: Record<string, unknown>;
      ports: string[];
    };
    expect(mailpit.image).toMatch(/^axllent\/mailpit:v1\.33/);
    expect(mailpit.environment.MP_MAX_MESSAGES).toBe(0);
    expect(mailpit.ports).toEqual(['1025:1025', '8025:8025']);
  });

  it('builds the registry service from its Dockerfile, on healthy servers, only when named', () => {
    const registry = compose.services.registry as ComposeService & {
      profiles: string[];
      build: { context: string; dockerfile: string };
      depends_on: Record<string, { condition: string }>;
    };
    expect(registry.profiles).toEqual(['services']);
    expect(existsSync(join(__dirname, '../..', registry.build.context, registry.build.dockerfile))).toBe(
      true,
    );
    for (const server of ['kafka', 'mongodb', 'postgres'])
      expect(registry.depends_on[server]).toEqual({ condition: 'service_healthy' });
    expect(registry.healthcheck?.test).toBeDefined();
  });

  it('builds the partnerships service from its Dockerfile on port 3003, with a database of its own', () => {
    const partnerships = compose.services.partnerships as ComposeService & {
      profiles: string[];
      build: { context: string; dockerfile: string };
      depends_on: Record<string, { condition: string }>;
      environment: Record<string, string>;
      ports: string[];
    };
    expect(partnerships.profiles).toEqual(['services']);
    expect(
      existsSync(join(__dirname, '../..', partnerships.build.context, partnerships.build.dockerfile)),
    ).toBe(true);
    for (const server of ['kafka', 'mongodb', 'postgres'])
      expect(partnerships.depends_on[server]).toEqual({ condition: 'service_healthy' });
    expect(partnerships.ports).toEqual(['3003:3003']);
    expect(JSON.stringify(partnerships.healthcheck?.test)).toContain('http://127.0.0.1:3003/health/ready');
    // Its database is made by the postgres image's init script, with the volume.
    const database = new URL(partnerships.environment.DATABASE_URL).pathname.slice(1);
    expect(database).toBe('tadamon_partnerships');
    const init = (compose.services.postgres.volumes ?? []).find((v) =>
      v.includes('docker-entrypoint-initdb.d'),
    );
    const folder = join(__dirname, '../..', String(init?.split(':')[0]));
    const scripts = readdirSync(folder).map((file) => readFileSync(join(folder, file), 'utf8'));
    expect(scripts.join('\n')).toContain(`CREATE DATABASE ${database};`);
    // The documents' folder is in the service's volume.
    expect(partnerships.environment.TADAMON_CONTENT_DIR).toMatch(/^\/app\/data\//);
    expect(partnerships.volumes).toEqual(['partnerships-data:/app/data']);
  });

  it('builds the notifications service from its Dockerfile on port 3004, sending to Mailpit, with a database of its own', () => {
    const notifications = compose.services.notifications as ComposeService & {
      profiles: string[];
      build: { context: string; dockerfile: string };
      depends_on: Record<string, { condition: string }>;
      environment: Record<string, string>;
      ports: string[];
    };
    expect(notifications.profiles).toEqual(['services']);
    expect(
      existsSync(join(__dirname, '../..', notifications.build.context, notifications.build.dockerfile)),
    ).toBe(true);
    for (const server of ['kafka', 'mongodb', 'postgres', 'mailpit'])
      expect(notifications.depends_on[server]).toEqual({ condition: 'service_healthy' });
    expect(notifications.ports).toEqual(['3004:3004']);
    expect(JSON.stringify(notifications.healthcheck?.test)).toContain('http://127.0.0.1:3004/health/ready');
    expect(notifications.environment.SMTP_URL).toBe('smtp://mailpit:1025');
    const database = new URL(notifications.environment.DATABASE_URL).pathname.slice(1);
    expect(database).toBe('tadamon_notifications');
    const init = (compose.services.postgres.volumes ?? []).find((v) =>
      v.includes('docker-entrypoint-initdb.d'),
    );
    const folder = join(__dirname, '../..', String(init?.split(':')[0]));
    const scripts = readdirSync(folder).map((file) => readFileSync(join(folder, file), 'utf8'));
    expect(scripts.join('\n')).toContain(`CREATE DATABASE ${database};`);
    // The persons' keys are read where the Registry service keeps them.
    const registry = compose.services.registry as ComposeService & { environment: Record<string, string> };
    expect(notifications.environment.TADAMON_KEY_STORE_URL).toBe(registry.environment.DATABASE_URL);
    expect(notifications.volumes).toEqual(['notifications-data:/app/data']);
  });

  it('builds the training service from its Dockerfile on port 3005, with a database of its own and the Registry’s keys', () => {
    const training = compose.services.training as ComposeService & {
      profiles: string[];
      build: { context: string; dockerfile: string };
      depends_on: Record<string, { condition: string }>;
      environment: Record<string, string>;
      ports: string[];
    };
    expect(training.profiles).toEqual(['services']);
    expect(existsSync(join(__dirname, '../..', training.build.context, training.build.dockerfile))).toBe(
      true,
    );
    for (const server of ['kafka', 'mongodb', 'postgres'])
      expect(training.depends_on[server]).toEqual({ condition: 'service_healthy' });
    expect(training.ports).toEqual(['3005:3005']);
    expect(JSON.stringify(training.healthcheck?.test)).toContain('http://127.0.0.1:3005/health/ready');
    const database = new URL(training.environment.DATABASE_URL).pathname.slice(1);
    expect(database).toBe('tadamon_training');
    const init = (compose.services.postgres.volumes ?? []).find((v) =>
      v.includes('docker-entrypoint-initdb.d'),
    );
    const folder = join(__dirname, '../..', String(init?.split(':')[0]));
    const scripts = readdirSync(folder).map((file) => readFileSync(join(folder, file), 'utf8'));
    expect(scripts.join('\n')).toContain(`CREATE DATABASE ${database};`);
    const registry = compose.services.registry as ComposeService & { environment: Record<string, string> };
    expect(training.environment.TADAMON_KEY_STORE_URL).toBe(registry.environment.DATABASE_URL);
    expect(training.volumes).toEqual(['training-data:/app/data']);
  });

  it('runs Kafka in KRaft mode without ZooKeeper and MongoDB as a replica set', () => {
    const kafka = compose.services.kafka as ComposeService & { environment: Record<string, unknown> };
    expect(kafka.environment.KAFKA_PROCESS_ROLES).toBe('broker,controller');
    expect(Object.keys(compose.services)).not.toContain('zookeeper');
    const mongo = compose.services.mongodb as ComposeService & { command: string[] };
    expect(mongo.command).toContain('--replSet');
  });
});
