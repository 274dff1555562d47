import { AssociationProfileInput, RegistryCommands } from '@tadamon/registry';
import { SCHEME_2015 } from '@tadamon/reference-data';
import { alternate, Latencies, latencies, seededRandom } from '../shared/measure';
import { ServedApp } from './served-app';

type Words = { fr: string; ar: string; en: string };
const KINDS: Words[] = [
  { fr: 'Association', ar: 'جمعية', en: 'Association' },
  { fr: 'Amicale', ar: 'ودادية', en: 'Friends' },
  { fr: 'Collectif', ar: 'تجمع', en: 'Collective' },
  { fr: 'Fondation', ar: 'مؤسسة', en: 'Foundation' },
];
const CAUSES: Words[] = [
  { fr: 'Solidarité', ar: 'التضامن', en: 'Solidarity' },
  { fr: 'Développement', ar: 'التنمية', en: 'Development' },
  { fr: 'Entraide', ar: 'التعاون', en: 'Mutual Aid' },
  { fr: 'Éducation', ar: 'التربية', en: 'Education' },
  { fr: 'Santé', ar: 'الصحة', en: 'Health' },
  { fr: 'Eau et Vie', ar: 'الماء والحياة', en: 'Water and Life' },
  { fr: 'Femmes et Avenir', ar: 'المرأة والمستقبل', en: 'Women and Future' },
  { fr: 'Jeunesse', ar: 'الشباب', en: 'Youth' },
  { fr: 'Patrimoine', ar: 'التراث', en: 'Heritage' },
  { fr: 'Migrations', ar: 'الهجرة', en: 'Migration' },
];
/** Home towns of the diaspora and their 2015 region. */
const TOWNS: (Words & { region: string })[] = [
  ['Oujda', 'وجدة', 'MA-02'],
  ['Nador', 'الناظور', 'MA-02'],
  ['Figuig', 'فجيج', 'MA-02'],
  ['Berkane', 'بركان', 'MA-02'],
  ['Tiznit', 'تيزنيت', 'MA-09'],
  ['Agadir', 'أكادير', 'MA-09'],
  ['Taroudant', 'تارودانت', 'MA-09'],
  ['Tafraout', 'تافراوت', 'MA-09'],
  ['Ouarzazate', 'ورزازات', 'MA-08'],
  ['Zagora', 'زاكورة', 'MA-08'],
  ['Errachidia', 'الرشيدية', 'MA-08'],
  ['Al Hoceima', 'الحسيمة', 'MA-01'],
  ['Tanger', 'طنجة', 'MA-01'],
  ['Fès', 'فاس', 'MA-03'],
  ['Kénitra', 'القنيطرة', 'MA-04'],
  ['Khouribga', 'خريبكة', 'MA-05'],
  ['Beni Mellal', 'بني ملال', 'MA-05'],
  ['Settat', 'سطات', 'MA-06'],
  ['Marrakech', 'مراكش', 'MA-07'],
  ['Guelmim', 'كلميم', 'MA-10'],
  ['Laâyoune', 'العيون', 'MA-11'],
  ['Dakhla', 'الداخلة', 'MA-12'],
].map(([fr, ar, region]) => ({ fr, ar, en: fr, region }));
const HOSTS: { country: string; cities: string[] }[] = [
  { country: 'FR', cities: ['Paris', 'Lyon', 'Marseille', 'Montpellier'] },
  { country: 'BE', cities: ['Bruxelles', 'Anvers', 'Liège'] },
  { country: 'NL', cities: ['Amsterdam', 'Rotterdam', 'Utrecht'] },
  { country: 'ES', cities: ['Madrid', 'Barcelona', 'Almería'] },
  { country: 'IT', cities: ['Milano', 'Torino', 'Bologna'] },
  { country: 'DE', cities: ['Düsseldorf', 'Frankfurt am Main'] },
  { country: 'CA', cities: ['Montréal', 'Toronto'] },
  { country: 'GB', cities: ['London'] },
  { country: 'US', cities: ['New York', 'Washington'] },
];
/** DAC 5 purpose codes the demo data also uses. */
const SECTORS = ['14030', '23630', '16020', '15190', '12220', '12230', '31194', '31120', '31140'];

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)];

/** The registered profile of the bench's association `i` (deterministic: seeded from `i`). */
export function benchAssociation(i: number): { associationId: string; profile: AssociationProfileInput } {
  const random = seededRandom(1000 + i);
  const [kind, cause, town, host] = [
    pick(random, KINDS),
    pick(random, CAUSES),
    pick(random, TOWNS),
    pick(random, HOSTS),
  ];
  const city = pick(random, host.cities);
  const sectors = [...new Set([pick(random, SECTORS), pick(random, SECTORS)])].slice(
    0,
    1 + Math.floor(random() * 2),
  );
  return {
    associationId: `bench-web-assoc-${String(i).padStart(5, '0')}`,
    profile: {
      names: {
        fr: `${kind.fr} ${cause.fr} ${town.fr} ${city}`,
        ar: `${kind.ar} ${cause.ar} ${town.ar} ${city}`,
        en: `${cause.en} ${kind.en} of ${town.en}, ${city}`,
      },
      acronym: `${kind.fr[0]}${cause.fr[0]}${town.fr[0]}${i}`.toUpperCase(),
      hostCountries: [host.country],
      hostCities: [{ country: host.country, name: city }],
      originRegions: [{ scheme: SCHEME_2015, code: town.region }],
      sectors,
      membersCount: 10 + Math.floor(random() * 2000),
    },
  };
}

const OFFICER = { id: 'bench-web-officer', roles: ['officer'] };

/**
 * Registers and verifies `count` associations through the Registry's commands in-process (the same
 * ContextCommands the API's handlers call, without HTTP), `concurrency` at a time, then waits until
 * the public directory lists them all. Returns the commands per second of the seeding.
 */
export async function seedDirectory(
  app: ServedApp,
  count: number,
  log: (line: string) => void,
  concurrency = 16,
): Promise<{ commandsPerSec: number; publicTotal: number; seconds: number }> {
  const before = await directoryTotal(app);
  const commands = app.platform.app.get(RegistryCommands);
  const started = Date.now();
  let next = 0;
  let done = 0;
  const worker = async () => {
    for (let i = next++; i < count; i = next++) {
      const { associationId, profile } = benchAssociation(i);
      await commands.execute(
        'association',
        associationId,
        { type: 'RegisterAssociation', data: { associationId, profile } },
        OFFICER,
        { commandId: `bench-web:register:${associationId}` },
      );
      await commands.execute(
        'association',
        associationId,
        { type: 'VerifyAssociation', data: { associationId } },
        OFFICER,
        { commandId: `bench-web:verify:${associationId}` },
      );
      if (++done % 1000 === 0)
        log(`  seeded ${done.toLocaleString('en')} / ${count.toLocaleString('en')} associations`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const commandsSeconds = (Date.now() - started) / 1000;
  const expected = before + count;
  log(
    `  ${count * 2} commands in ${commandsSeconds.toFixed(1)} s; waiting for the directory to list ${expected}...`,
  );
  const deadline = Date.now() + 120_000;
  let publicTotal = await directoryTotal(app);
  while (publicTotal < expected) {
    if (Date.now() > deadline)
      throw new Error(
        `the public directory lists ${publicTotal} associations after 120 s, expected ${expected}`,
      );
    await new Promise((resolve) => setTimeout(resolve, 200));
    publicTotal = await directoryTotal(app);
  }
  return {
    commandsPerSec: (count * 2) / commandsSeconds,
    publicTotal,
    seconds: (Date.now() - started) / 1000,
  };
}

async function directoryTotal(app: ServedApp): Promise<number> {
  const reply = await app.platform.get('anonymous', '/api/registry/associations?pageSize=1');
  if (reply.status !== 200) throw new Error(`GET /api/registry/associations answered ${reply.status}`);
  return reply.body.total as number;
}

/** Words a visitor types: a town, a cause (accents dropped or not), Arabic, a prefix, two words. */
const TEXTS = [
  ...TOWNS.map((t) => t.fr.toLowerCase()),
  ...CAUSES.map((c) => c.fr),
  'solidarite',
  'developpement',
  'sante',
  ...TOWNS.slice(0, 6).map((t) => t.ar),
  ...CAUSES.slice(0, 5).map((c) => c.ar),
  'dével',
  'amic',
  'entraide tiznit',
  'jeunesse oujda',
  'lyon',
  'bruxelles',
  'ase1',
  'aucune-association-de-ce-nom',
];
const REGIONS = Array.from({ length: 12 }, (_, r) => `MA-${String(r + 1).padStart(2, '0')}`);

/**
 * The directory page's query (association-directory/directory-search.ts toDirectoryQuery, sent by
 * the generated client): free text, some filters, a page, 20 per page sorted by name. Seeded, so
 * every run sends the same queries.
 */
export function directoryQueries(count: number): string[] {
  const random = seededRandom(14);
  return Array.from({ length: count }, () => {
    const query: Record<string, string> = {};
    if (random() < 0.85) query.text = pick(random, TEXTS);
    if (random() < 0.5) query.region = pick(random, REGIONS);
    if (random() < 0.4) query.hostCountry = pick(random, HOSTS).country;
    if (random() < 0.25) query.sector = pick(random, SECTORS);
    query.page = String(random() < 0.6 ? 1 : 2 + Math.floor(random() * 4));
    Object.assign(query, { pageSize: '20', sort: 'name', order: 'asc' });
    return `/api/registry/associations?${new URLSearchParams(query)}`;
  });
}

export interface DirectoryTimings {
  query: Latencies;
  raw: Latencies;
  queries: number;
  /** How many queries found nothing / how many associations the median query found. */
  emptyAnswers: number;
  medianTotal: number;
  /** CPU of this process (the platform and the client) per request: steadier than time on a busy machine. */
  queryCpuMs: number;
  rawCpuMs: number;
}

/**
 * Times each query (one at a time, keep-alive, body read) against a trivial GET (/health/live) in
 * alternating rounds, so drift on the shared machine hits both alike.
 */
export async function timeDirectoryQueries(
  app: ServedApp,
  queries: string[],
  rounds: number,
): Promise<DirectoryTimings> {
  const totals: number[] = [];
  const get = async (path: string) => {
    const response = await fetch(app.url(path));
    const body = await response.text();
    if (response.status !== 200)
      throw new Error(`GET ${path} answered ${response.status}: ${body.slice(0, 300)}`);
    return body;
  };
  for (const path of queries.slice(0, 20)) await get(path); // warm-up
  await get('/health/live');
  const cpu = { query: 0, raw: 0 };
  const withCpu = async (kind: keyof typeof cpu, body: () => Promise<unknown>) => {
    const before = process.cpuUsage();
    await body();
    const used = process.cpuUsage(before);
    cpu[kind] += (used.user + used.system) / 1000;
  };
  const perRound = Math.ceil(queries.length / rounds);
  const measured = await alternate(
    rounds,
    perRound,
    (i) =>
      withCpu('query', async () =>
        totals.push((JSON.parse(await get(queries[i % queries.length])) as { total: number }).total),
      ),
    () => withCpu('raw', () => get('/health/live')),
  );
  const sorted = [...totals].sort((a, b) => a - b);
  return {
    query: latencies(measured.project.samplesNs),
    raw: latencies(measured.raw.samplesNs),
    queries: totals.length,
    emptyAnswers: totals.filter((t) => t === 0).length,
    medianTotal: sorted[Math.floor(sorted.length / 2)],
    queryCpuMs: cpu.query / totals.length,
    rawCpuMs: cpu.raw / measured.raw.samplesNs.length,
  };
}
