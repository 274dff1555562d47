/**
 * npm run bench:iati — the IATI 2.03 export and its validation (issue 15's benchmark).
 * - export: writeIatiActivities (streamed chunks) against the same bytes built by a plain string
 *   builder (plain-string-builder.ts) from the same 10,000 generated projects, in alternating
 *   rounds (target ratio >= 0.5);
 * - validation: XSD (xmllint-wasm, in batches and, if it fits, in one file) and the rules with the
 *   codelists (per activity, on parseLightXml's nodes), activities per second (target >= 1,000/s
 *   for XSD + rules); the raw limits beside them: libxml2 parsing the same file without a schema,
 *   saxes reading each activity without building nodes, and xmldom's parse for comparison;
 * - validateActivity: latency of the check a project gets on every save.
 * Writes bench/results/iati.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';
import { validateXML } from 'xmllint-wasm';
import {
  activityXml,
  checkCodelists,
  IatiActivity,
  XmlElement,
  parseLightXml,
  parseXml,
  rulesEngine,
  validateActivitiesAgainstSchema,
  validateActivity,
  validateIatiActivities,
  validateAgainstSchema,
  writeIatiActivities,
} from '@tadamon/iati';
import { generateActivities } from '@tadamon/iati/testing';
import { latencies, round } from '../shared/measure';
import { plainIatiXml } from './plain-string-builder';

const COUNT = Number(process.env.BENCH_IATI_COUNT ?? 10_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const BATCH = Number(process.env.BENCH_IATI_BATCH ?? 2500);
const GENERATED_AT = '2026-07-01T08:00:00Z';
const NOW = new Date(GENERATED_AT);
const log = (line: string) => process.stdout.write(`${line}\n`);
const seconds = async (body: () => unknown) => {
  const start = process.hrtime.bigint();
  await body();
  return Number(process.hrtime.bigint() - start) / 1e9;
};

/** The export as a service would send it: chunk after chunk into a sink (here, summed bytes). */
const streamedBytes = (activities: readonly IatiActivity[]) => {
  let bytes = 0;
  for (const chunk of writeIatiActivities(activities, { generatedAt: GENERATED_AT })) bytes += chunk.length;
  return bytes;
};

async function exportSection(activities: readonly IatiActivity[]) {
  const streamed = [...writeIatiActivities(activities, { generatedAt: GENERATED_AT })].join('');
  const plain = plainIatiXml(activities, GENERATED_AT);
  if (streamed !== plain)
    throw new Error('the plain string builder does not write the same bytes: no comparison');
  streamedBytes(activities); // warm-up
  plainIatiXml(activities, GENERATED_AT);
  let project = 0;
  let raw = 0;
  for (let r = 0; r < ROUNDS; r++) {
    const runProject = async () => (project += await seconds(() => streamedBytes(activities)));
    const runRaw = async () => (raw += await seconds(() => plainIatiXml(activities, GENERATED_AT).length));
    if (r % 2 === 0) await runRaw().then(runProject);
    else await runProject().then(runRaw);
  }
  const perSec = (total: number) => (COUNT * ROUNDS) / total;
  return {
    xml: streamed,
    projectPerSec: perSec(project),
    rawPerSec: perSec(raw),
    megabytes: Buffer.byteLength(streamed) / 1e6,
  };
}

async function schemaSection(activities: readonly IatiActivity[], xml: string) {
  const batched = { errors: -1, seconds: 0 };
  batched.seconds = await seconds(
    async () =>
      (batched.errors = (
        await validateActivitiesAgainstSchema(activities, { batchSize: BATCH, concurrency: 1 })
      ).length),
  );
  const whole = { errors: -1, seconds: 0, failure: '' };
  try {
    whole.seconds = await seconds(async () => (whole.errors = (await validateAgainstSchema(xml)).length));
  } catch (error) {
    whole.failure = error instanceof Error ? error.message : String(error);
  }
  // libxml2 reading the same file, well-formedness only: the floor under any schema check.
  const parseOnly = await seconds(() =>
    validateXML({ xml: [{ fileName: 'a.xml', contents: xml }], schema: [], maxMemoryPages: 16384 }),
  );
  return { batched, whole, parseOnlySeconds: parseOnly };
}

/** Parse, then rules and codelists, one activity at a time (as validateIatiActivities does), each timed. */
function rulesSection(activities: readonly IatiActivity[]) {
  const documents = activities.map(
    (a) => `<iati-activities version="2.03">${activityXml(a)}</iati-activities>`,
  );
  const engine = rulesEngine();
  const measure = () => {
    let parseNs = 0;
    let rulesNs = 0;
    let findings = 0;
    for (const xml of documents) {
      const start = process.hrtime.bigint();
      const document = parseLightXml(xml);
      const parsed = process.hrtime.bigint();
      const out = engine.check(document, { now: NOW });
      checkCodelists(document.documentElement?.firstChild as XmlElement, '', out);
      rulesNs += Number(process.hrtime.bigint() - parsed);
      parseNs += Number(parsed - start);
      findings += out.length;
    }
    return { findings, parseSeconds: parseNs / 1e9, rulesSeconds: rulesNs / 1e9 };
  };
  measure(); // warm-up
  return { ...measure(), ...parseLimits(documents) };
}

/** The floor under parseLightXml (saxes's events, no nodes) and xmldom's parse, the one it replaced. */
function parseLimits(documents: readonly string[]) {
  const saxesEvents = (xml: string) => {
    const parser = new SaxesParser({ xmlns: true });
    let events = 0;
    parser.on('opentag', () => events++);
    parser.on('closetag', () => events++);
    parser.on('text', () => events++);
    parser.write(xml).close();
    return events;
  };
  const timed = (parse: (xml: string) => unknown) => {
    for (const xml of documents.slice(0, 1000)) parse(xml); // warm-up
    const start = process.hrtime.bigint();
    for (const xml of documents) parse(xml);
    return Number(process.hrtime.bigint() - start) / 1e9;
  };
  return { saxesSeconds: timed(saxesEvents), xmldomSeconds: timed(parseXml) };
}

function onSaveSection(activities: readonly IatiActivity[]) {
  const sample = activities.slice(0, 1000);
  for (const a of sample.slice(0, 100)) validateActivity(a, { now: NOW });
  const samples = sample.map((a) => {
    const start = process.hrtime.bigint();
    validateActivity(a, { now: NOW });
    return Number(process.hrtime.bigint() - start);
  });
  return latencies(samples);
}

async function main(): Promise<void> {
  const loadBefore = loadavg();
  const activities = [...generateActivities(COUNT)];
  log(`${COUNT} generated projects; export, ${ROUNDS} alternating rounds`);
  const exported = await exportSection(activities);
  log('schema validation');
  const schema = await schemaSection(activities, exported.xml);
  log('rules and codelists');
  const rules = rulesSection(activities);
  log('schema and rules together (validateIatiActivities: libxml2 in a worker beside the rules)');
  const pipeline = { errors: 0, seconds: 0 };
  pipeline.seconds = await seconds(async () => {
    const { schemaErrors, findings } = await validateIatiActivities(activities, {
      now: NOW,
      batchSize: BATCH,
    });
    pipeline.errors = schemaErrors.length + findings.length;
  });
  log('validateActivity latency');
  const onSave = onSaveSection(activities);

  const rulesWithParse = rules.parseSeconds + rules.rulesSeconds;
  const metrics = {
    'export.writeIatiActivities.activitiesPerSec': round(exported.projectPerSec, 0),
    'export.fileMegabytes': round(exported.megabytes, 1),
    'export.megabytesPerSec': round((exported.projectPerSec / COUNT) * exported.megabytes, 1),
    'validation.schema.batched.activitiesPerSec': round(COUNT / schema.batched.seconds, 0),
    'validation.schema.batched.errors': schema.batched.errors,
    'validation.schema.oneFile.activitiesPerSec': schema.whole.failure
      ? -1
      : round(COUNT / schema.whole.seconds, 0),
    'validation.schema.oneFile.errors': schema.whole.errors,
    'validation.rules.activitiesPerSec': round(COUNT / rulesWithParse, 0),
    'validation.rules.withoutParse.activitiesPerSec': round(COUNT / rules.rulesSeconds, 0),
    'validation.lightDomParse.activitiesPerSec': round(COUNT / rules.parseSeconds, 0),
    'validation.rules.findings': rules.findings,
    'validation.schemaThenRules.activitiesPerSec': round(
      COUNT / (schema.batched.seconds + rulesWithParse),
      0,
    ),
    'validation.schemaAndRules.activitiesPerSec': round(COUNT / pipeline.seconds, 0),
    'validation.schemaAndRules.errors': pipeline.errors,
    'validateActivity.p50Ms': round(onSave.p50, 3),
    'validateActivity.p99Ms': round(onSave.p99, 3),
  };
  const limits = {
    'export.plainStringBuilder.activitiesPerSec': round(exported.rawPerSec, 0),
    'validation.libxml2ParseOnly.activitiesPerSec': round(COUNT / schema.parseOnlySeconds, 0),
    'validation.saxesEventsOnly.activitiesPerSec': round(COUNT / rules.saxesSeconds, 0),
    'validation.xmldomParseOnly.activitiesPerSec': round(COUNT / rules.xmldomSeconds, 0),
  };
  const ratios = {
    'export.streamedVsPlain': round(exported.projectPerSec / exported.rawPerSec, 3),
    'validation.schemaVsParseOnly': round(schema.parseOnlySeconds / schema.batched.seconds, 3),
    'validation.lightDomVsSaxesEvents': round(rules.saxesSeconds / rules.parseSeconds, 3),
    'validation.rulesVsParseOnly': round(rules.parseSeconds / rulesWithParse, 3),
  };
  const result = {
    name: 'iati',
    at: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      node: process.version,
      loadAverage1m: { before: round(loadBefore[0], 2), after: round(loadavg()[0], 2) },
    },
    metrics,
    limits,
    ratios,
    targets: { 'export.streamedVsPlain': 0.5, 'validation.schemaAndRules.activitiesPerSec': 1000 },
    params: {
      activities: COUNT,
      rounds: ROUNDS,
      schemaBatch: BATCH,
      seed: 42,
      oneFileFailure: schema.whole.failure,
    },
  };
  const out = join(__dirname, '..', 'results');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'iati.json'), `${JSON.stringify(result, null, 2)}\n`);
  for (const [key, value] of Object.entries({ ...metrics, ...limits, ...ratios }))
    log(`${key.padEnd(52)} ${value}`);
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`bench:iati failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
