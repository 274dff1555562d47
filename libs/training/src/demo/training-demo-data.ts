import { CommandMetadata } from '@tadamon/eventsourcing';
import { ModuleCommand } from '../domain/module/module';
import { ModuleDetails } from '../domain/module/module-details';
import { PathCommand } from '../domain/path/path';
import { AttendanceStatus, SessionCommand } from '../domain/session/session-commands';
import { Sitting } from '../domain/session/session-plan';

/**
 * The Training demo data (issue 17) as plain domain commands, in order, each with its historical
 * instant and a command id derived from what it does: a path for association managers (governance,
 * project management, fundraising, financial reporting), a session held in Agadir in October 2026
 * that M&D's president and the Figuig cooperatives' project manager attended and completed, and
 * sessions open for enrolment in Paris, Brussels and Madrid. **Invented** for the demo: the
 * modules' wording, dates, places and attendance. The certificates are issued by the platform's
 * issuance process (it signs), not here.
 */
export type TrainingDemoStep =
  | { aggregate: 'module'; id: string; command: ModuleCommand }
  | { aggregate: 'path'; id: string; command: PathCommand }
  | { aggregate: 'session'; id: string; command: SessionCommand };
export type TrainingDemoAggregate = TrainingDemoStep['aggregate'];

// The Registry demo's ids and the platform's demo users, repeated because a context never imports
// another; training-demo-data.spec.ts pins them.
const REGISTRY = {
  associations: {
    migrationsEtDeveloppement: 'assoc-migrations-et-developpement',
    cooperativesFiguig: 'assoc-cooperatives-figuig',
  },
  persons: {
    mdPresident: 'person-demo-md-president',
    figuigProjectManager: 'person-demo-figuig-project-manager',
  },
} as const;

export const TRAINING_DEMO_IDS = {
  modules: {
    governance: 'module-governance',
    projectManagement: 'module-project-management',
    fundraising: 'module-fundraising',
    financialReporting: 'module-financial-reporting',
  },
  path: 'path-association-managers',
  sessions: {
    agadir: 'session-project-management-agadir-2026-10',
    paris: 'session-fundraising-paris-2027-02',
    brussels: 'session-governance-brussels-2027-03',
    madrid: 'session-financial-reporting-madrid-2027-04',
  },
  registry: REGISTRY,
  users: { officer: 'user-officer', trainer: 'user-trainer' },
} as const;

type Actor = { id: string; roles: string[] };
const IDS = TRAINING_DEMO_IDS;
const OFFICER: Actor = { id: IDS.users.officer, roles: ['officer'] };
const TRAINER: Actor = { id: IDS.users.trainer, roles: ['trainer'] };
const asTrainee = (personId: string): Actor => ({ id: personId, roles: ['trainee'] });

const MODULES: Record<keyof typeof IDS.modules, ModuleDetails> = {
  governance: {
    code: 'GOV-101',
    title: { fr: 'Gouvernance associative', ar: 'حكامة الجمعيات', en: 'Association governance' },
    description: {
      fr: 'Statuts, assemblée générale, bureau et transparence envers les membres et les partenaires.',
      ar: 'القانون الأساسي والجمع العام والمكتب والشفافية تجاه الأعضاء والشركاء.',
      en: 'Statutes, general assembly, board, and transparency towards members and partners.',
    },
    durationMinutes: 600,
    competences: ['GOV-STATUTES', 'GOV-ASSEMBLY'],
    languages: ['fr', 'ar'],
    theme: 'governance',
  },
  projectManagement: {
    code: 'PM-101',
    title: {
      fr: 'Gestion de projet associatif',
      ar: 'تدبير المشاريع الجمعوية',
      en: 'Managing an association’s project',
    },
    description: {
      fr: 'Du besoin de la région d’origine au projet : cadre logique, budget, calendrier, suivi.',
      ar: 'من حاجة جهة الأصل إلى المشروع: الإطار المنطقي والميزانية والجدولة والتتبع.',
      en: 'From a need of the region of origin to a project: logical framework, budget, schedule, monitoring.',
    },
    durationMinutes: 600,
    competences: ['PM-PLAN', 'PM-BUDGET', 'PM-MONITOR'],
    languages: ['fr', 'ar', 'en'],
    theme: 'project-management',
  },
  fundraising: {
    code: 'FR-101',
    title: { fr: 'Recherche de financements', ar: 'البحث عن التمويل', en: 'Fundraising' },
    description: {
      fr: 'Appels à propositions, cofinancement, partenaires techniques et financiers.',
      ar: 'طلبات المشاريع والتمويل المشترك والشركاء التقنيون والماليون.',
      en: 'Calls for proposals, co-financing, technical and financial partners.',
    },
    durationMinutes: 480,
    competences: ['FR-CALLS', 'FR-COFINANCE'],
    languages: ['fr'],
    theme: 'fundraising',
  },
  financialReporting: {
    code: 'FIN-201',
    title: { fr: 'Rapports financiers', ar: 'التقارير المالية', en: 'Financial reporting' },
    description: {
      fr: 'Justifier les dépenses d’une subvention : pièces, tranches, rapport final.',
      ar: 'تبرير نفقات المنحة: الوثائق والأشطر والتقرير النهائي.',
      en: 'Accounting for a grant’s expenditure: vouchers, tranches, final report.',
    },
    durationMinutes: 480,
    competences: ['FIN-REPORT'],
    languages: ['ar', 'fr'],
    theme: 'financial-management',
  },
};

const sittings = (day: string, count: number, hours: [number, number], offset: string): Sitting[] =>
  Array.from({ length: count }, (_, i) => {
    const date = new Date(`${day}T00:00:00Z`);
    date.setUTCDate(date.getUTCDate() + i);
    const on = date.toISOString().slice(0, 10);
    const at = (h: number) => new Date(`${on}T${String(h).padStart(2, '0')}:00:00${offset}`).toISOString();
    return { sittingId: `day-${i + 1}`, startsAt: at(hours[0]), endsAt: at(hours[1]) };
  });

/** Every step of the Training demo, in the order it must be applied. */
export function trainingDemoSteps(): TrainingDemoStep[] {
  const steps: TrainingDemoStep[] = [];
  const metadata = (actor: Actor, now: string, ...parts: string[]): CommandMetadata => ({
    commandId: ['demo', 'training', ...parts].join(':'),
    actor: { id: actor.id, roles: [...actor.roles] },
    now,
  });
  const session = (
    id: string,
    type: SessionCommand['type'],
    data: object,
    actor: Actor,
    now: string,
    ...key: string[]
  ) =>
    steps.push({
      aggregate: 'session',
      id,
      command: {
        type,
        data: { sessionId: id, ...data },
        metadata: metadata(actor, now, type, id, ...key),
      } as SessionCommand,
    });

  // ---- the catalogue ----
  for (const [key, details] of Object.entries(MODULES)) {
    const moduleId = IDS.modules[key as keyof typeof IDS.modules];
    steps.push({
      aggregate: 'module',
      id: moduleId,
      command: {
        type: 'DefineModule',
        data: { moduleId, ...details },
        metadata: metadata(OFFICER, '2026-09-01T09:00:00Z', 'DefineModule', moduleId),
      },
    });
  }
  steps.push({
    aggregate: 'path',
    id: IDS.path,
    command: {
      type: 'DefinePath',
      data: {
        pathId: IDS.path,
        title: {
          fr: 'Parcours des responsables associatifs',
          ar: 'مسار مسيّري الجمعيات',
          en: 'Association managers’ path',
        },
        moduleIds: [
          IDS.modules.governance,
          IDS.modules.projectManagement,
          IDS.modules.fundraising,
          IDS.modules.financialReporting,
        ],
      },
      metadata: metadata(OFFICER, '2026-09-01T09:30:00Z', 'DefinePath', IDS.path),
    },
  });

  // ---- Agadir, October 2026: held, attended, closed ----
  const agadir = IDS.sessions.agadir;
  const agadirSittings = sittings('2026-10-13', 3, [9, 13], '+01:00');
  session(
    agadir,
    'ScheduleSession',
    {
      moduleId: IDS.modules.projectManagement,
      language: 'fr',
      timezone: 'Africa/Casablanca',
      place: { mode: 'in-person', city: 'Agadir', country: 'MA' },
      sittings: agadirSittings,
      trainers: [IDS.users.trainer],
      capacity: 20,
    },
    OFFICER,
    '2026-09-10T09:00:00Z',
  );
  session(agadir, 'OpenEnrolment', {}, OFFICER, '2026-09-10T09:05:00Z');
  const { mdPresident, figuigProjectManager } = REGISTRY.persons;
  const trainees = [
    [mdPresident, REGISTRY.associations.migrationsEtDeveloppement],
    [figuigProjectManager, REGISTRY.associations.cooperativesFiguig],
  ] as const;
  for (const [traineeId, associationId] of trainees)
    session(
      agadir,
      'RequestEnrolment',
      { traineeId, associationId, eligibility: { associationVerified: true, contactOfAssociation: true } },
      asTrainee(traineeId),
      '2026-09-15T18:00:00Z',
      traineeId,
    );
  session(agadir, 'CloseEnrolment', {}, OFFICER, '2026-10-06T09:00:00Z');
  const marks: Record<string, AttendanceStatus[]> = {
    [mdPresident]: ['present', 'present', 'present'],
    [figuigProjectManager]: ['present', 'late', 'present'],
  };
  agadirSittings.forEach((sitting, day) => {
    for (const [traineeId] of trainees)
      session(
        agadir,
        'MarkAttendance',
        { sittingId: sitting.sittingId, traineeId, status: marks[traineeId][day] },
        TRAINER,
        sitting.endsAt,
        sitting.sittingId,
        traineeId,
      );
  });
  const lastEnd = agadirSittings[agadirSittings.length - 1].endsAt;
  session(
    agadir,
    'GiveFeedback',
    { traineeId: mdPresident, rating: 5, comment: 'Très concret, merci.' },
    asTrainee(mdPresident),
    lastEnd,
    mdPresident,
  );
  session(
    agadir,
    'GiveFeedback',
    { traineeId: figuigProjectManager, rating: 4, comment: 'مفيد جداً للتعاونيات.' },
    asTrainee(figuigProjectManager),
    lastEnd,
    figuigProjectManager,
  );
  session(agadir, 'CloseSession', {}, TRAINER, '2026-10-15T12:30:00Z');

  // ---- abroad, 2027: open for enrolment ----
  const abroad = [
    [
      IDS.sessions.paris,
      IDS.modules.fundraising,
      'fr',
      'Europe/Paris',
      'Paris',
      'FR',
      '2027-02-13',
      '+01:00',
    ],
    [
      IDS.sessions.brussels,
      IDS.modules.governance,
      'fr',
      'Europe/Brussels',
      'Bruxelles',
      'BE',
      '2027-03-13',
      '+01:00',
    ],
    [
      IDS.sessions.madrid,
      IDS.modules.financialReporting,
      'ar',
      'Europe/Madrid',
      'Madrid',
      'ES',
      '2027-04-17',
      '+02:00',
    ],
  ] as const;
  for (const [sessionId, moduleId, language, timezone, city, country, day, offset] of abroad) {
    session(
      sessionId,
      'ScheduleSession',
      {
        moduleId,
        language,
        timezone,
        place: { mode: 'in-person', city, country },
        sittings: sittings(day, 2, [10, 14], offset),
        trainers: [IDS.users.trainer],
        capacity: 25,
      },
      OFFICER,
      '2026-11-20T09:00:00Z',
    );
    session(sessionId, 'OpenEnrolment', {}, OFFICER, '2026-11-20T09:05:00Z');
  }
  session(
    IDS.sessions.brussels,
    'RequestEnrolment',
    {
      traineeId: mdPresident,
      associationId: REGISTRY.associations.migrationsEtDeveloppement,
      eligibility: { associationVerified: true, contactOfAssociation: true },
    },
    asTrainee(mdPresident),
    '2026-11-25T19:00:00Z',
    mdPresident,
  );
  return steps;
}
