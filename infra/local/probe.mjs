#!/usr/bin/env node
// Real protocol checks for the local servers, through the clients the platform itself uses.
// Usage: node probe.mjs kafka|mongo|postgres|s3|mailpit <url>   -> prints one line, exit 0 when the server answers.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const [kind, url] = process.argv.slice(2);
const TIMEOUT_MS = 5000;

function load(name) {
  try {
    return require(name);
  } catch {
    console.error(`probe: the npm package "${name}" is missing; run "npm ci" first`);
    process.exit(3);
  }
}

async function kafka() {
  const { Kafka, logLevel } = load('kafkajs');
  const client = new Kafka({
    clientId: 'tadamon-probe',
    brokers: url.split(','),
    logLevel: logLevel.NOTHING,
    connectionTimeout: 2000,
    requestTimeout: TIMEOUT_MS,
    retry: { retries: 0 },
  });
  const admin = client.admin();
  await admin.connect();
  try {
    const cluster = await admin.describeCluster();
    // Ready means consumer groups and idempotent producers work too: the first coordinator lookups
    // create __consumer_offsets and __transaction_state, which then load.
    await admin.describeGroups(['tadamon-probe']);
    const producer = client.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      retry: { retries: 1, initialRetryTime: 100 },
    });
    await producer.connect();
    await producer.disconnect();
    return `kafka cluster ${cluster.clusterId}, ${cluster.brokers.length} broker(s), controller ${cluster.controller}`;
  } finally {
    await admin.disconnect();
  }
}

async function mongo() {
  const { mongo: driver } = load('mongoose');
  const client = new driver.MongoClient(url, {
    serverSelectionTimeoutMS: TIMEOUT_MS,
    connectTimeoutMS: 2000,
  });
  await client.connect();
  try {
    const admin = client.db('admin');
    await admin.command({ ping: 1 });
    const info = await admin.command({ buildInfo: 1 });
    const ferret = info.ferretdbVersion ? ` (FerretDB ${info.ferretdbVersion})` : '';
    return `mongodb wire protocol ${info.version}${ferret}`;
  } finally {
    await client.close();
  }
}

async function postgres() {
  const { Client } = load('pg');
  const client = new Client({ connectionString: url, connectionTimeoutMillis: TIMEOUT_MS });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT version() AS version');
    return rows[0].version;
  } finally {
    await client.end();
  }
}

// Ready means an object can be written and read back with the credential: the gateway, its filer,
// an elected master and a volume server all answer (after a restart on old data the master takes a
// while to elect itself, and until then listing buckets works while writes fail).
async function s3() {
  const { S3Client, CreateBucketCommand, PutObjectCommand, GetObjectCommand } = load('@aws-sdk/client-s3');
  const address = new URL(url);
  const client = new S3Client({
    endpoint: `${address.protocol}//${address.host}`,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: {
      accessKeyId: decodeURIComponent(address.username),
      secretAccessKey: decodeURIComponent(address.password),
    },
    maxAttempts: 1,
  });
  const Bucket = 'tadamon-probe';
  try {
    await client.send(new CreateBucketCommand({ Bucket })).catch((error) => {
      if (error.name !== 'BucketAlreadyOwnedByYou' && error.name !== 'BucketAlreadyExists') throw error;
    });
    const body = `ready ${Date.now()}`;
    await client.send(new PutObjectCommand({ Bucket, Key: 'probe', Body: body }));
    const read = await client.send(new GetObjectCommand({ Bucket, Key: 'probe' }));
    if ((await read.Body.transformToString()) !== body) throw new Error('read back other bytes than written');
    return `s3 at ${address.host}: wrote and read back an object`;
  } finally {
    client.destroy();
  }
}

// Ready means the HTTP side says so (/readyz 200, given once the SMTP listener and the database are
// up) and the API answers: the message count is what the line reports.
async function mailpit() {
  const signal = AbortSignal.timeout(TIMEOUT_MS);
  const ready = await fetch(new URL('/readyz', url), { signal });
  if (ready.status !== 200) throw new Error(`/readyz answered ${ready.status}`);
  const info = await fetch(new URL('/api/v1/info', url), { signal });
  if (info.status !== 200) throw new Error(`/api/v1/info answered ${info.status}`);
  const { Messages } = await info.json();
  return `mailpit at ${new URL(url).host}: ready, ${Messages} message(s) stored`;
}

const probes = { kafka, mongo, postgres, s3, mailpit };
if (!probes[kind] || !url) {
  console.error('usage: probe.mjs kafka|mongo|postgres|s3|mailpit <url>');
  process.exit(2);
}
const timer = setTimeout(() => {
  console.error(`probe ${kind}: no answer from ${url} in ${TIMEOUT_MS} ms`);
  process.exit(1);
}, TIMEOUT_MS + 2000);
try {
  console.log(await probes[kind]());
  clearTimeout(timer);
  process.exit(0);
} catch (error) {
  console.error(`probe ${kind}: ${error.message}`);
  process.exit(1);
}
