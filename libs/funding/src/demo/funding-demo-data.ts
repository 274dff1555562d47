import { CommandMetadata, foldEvents } from '@tadamon/eventsourcing';
import { GeoCode, Money, SCHEME_2015 } from '@tadamon/reference-data';
import {
  BudgetEnvelopeCommand,
  budgetEnvelopeStreamName,
  BudgetEnvelopeTerms,
} from '../domain/budget-envelope/budget-envelope';
import {
  CallForProposalsCommand,
  callForProposalsDecider,
  callForProposalsStreamName,
  CallInForce,
  callInForce,
} from '../domain/call-for-proposals/call-for-proposals';
import { CallTermsInput } from '../domain/call-for-proposals/call-terms';
import { AssociationFacts } from '../domain/grant-application/eligibility-screening';
import {
  DraftGrantApplication,
  GrantApplicationCommand,
  TrancheSchedule,
} from '../domain/grant-application/grant-application-commands';
import { grantApplicationStreamName } from '../domain/grant-application/grant-application';
import { CriterionScore } from '../domain/scoring/score-sheet';

/**
 * The Funding demo data (shared/DOMAIN.md, "Demo data") as plain domain commands, in the order
 * they must be applied. Unlike the Registry's demo, every command carries its own historical
 * instant: publishing, submitting and closing compare `metadata.now` with the call's deadline, so
 * the demo replays the ICMD phase 2 selection of 2014 step by step. Each commandId derives from
 * what the command does. Applied again, every decider returns [] except the call's publication,
 * which the domain refuses once the call is closed: seed an empty log (seed-funding-demo.ts).
 *
 * What the source gives: ICMD phase 2 with IOM, USD 500,000 for Morocco, two awards of USD
 * 250,000 to Migrations et Développement and the Figuig agricultural cooperatives after a national
 * and international selection; the EU mobility partnership project, EUR 5,000,000, three years
 * from 2014. Everything else (dates, criteria, projects, co-financing, scores, tranches) is
 * invented for the demo and marked "Invented" below.
 */

export type FundingDemoStep =
  | { aggregate: 'budgetEnvelope'; id: string; streamId: string; command: BudgetEnvelopeCommand }
  | { aggregate: 'callForProposals'; id: string; streamId: string; command: CallForProposalsCommand }
  | { aggregate: 'grantApplication'; id: string; streamId: string; command: GrantApplicationCommand };
export type FundingDemoAggregate = FundingDemoStep['aggregate'];

// The Registry demo's ids (libs/registry/src/demo/registry-demo-data.ts, REGISTRY_DEMO_IDS) and
// the platform's demo users (apps/platform/src/identity/demo-users.ts): repeated here because a
// context never imports another context; funding-demo-data.spec.ts pins them.
const REGISTRY = {
  associations: {
    migrationsEtDeveloppement: 'assoc-migrations-et-developpement',
    cooperativesFiguig: 'assoc-cooperatives-figuig',
  },
  actors: { iom: 'actor-iom', europeanUnion: 'actor-eu', ministry: 'actor-ministry' },
} as const;

export const FUNDING_DEMO_IDS = {
  programmes: {
    icmdPhase2: 'programme-icmd-phase-2',
    euMobilityPartnership: 'programme-eu-mobility-partnership-morocco',
  },
  envelopes: {
    icmdPhase2Morocco: 'envelope-icmd-phase-2-morocco',
    euMobilityPartnership: 'envelope-eu-mobility-partnership-2014-2016',
  },
  calls: { icmdPhase2Morocco: 'call-icmd-phase-2-morocco' },
  applications: {
    migrationsEtDeveloppement: 'application-icmd2-migrations-et-developpement',
    cooperativesFiguig: 'application-icmd2-cooperatives-figuig',
  },
  agreements: {
    migrationsEtDeveloppement: 'agreement-icmd2-migrations-et-developpement',
    cooperativesFiguig: 'agreement-icmd2-cooperatives-figuig',
  },
  registry: REGISTRY,
  users: {
    officer: 'user-officer',
    evaluators: ['user-evaluator1', 'user-evaluator2', 'user-evaluator3'],
    committee: 'user-committee',
    /** The demo account of M&D (organisation assoc-migrations-et-developpement). */
    association: 'user-association',
  },
} as const;

const IDS = FUNDING_DEMO_IDS;
const A = IDS.applications;
const USERS = IDS.users;

export type FundingDemoActor = { readonly id: string; readonly roles: readonly string[] };

/** Who acts in the demo: the platform's demo users, with the role each acts in. */
export const FUNDING_DEMO_ACTORS: {
  readonly officer: FundingDemoActor;
  readonly evaluators: readonly FundingDemoActor[];
  readonly committee: FundingDemoActor;
  readonly migrationsEtDeveloppement: FundingDemoActor;
} = {
  officer: { id: USERS.officer, roles: ['officer'] },
  evaluators: USERS.evaluators.map((id) => ({ id, roles: ['evaluator'] })),
  committee: { id: USERS.committee, roles: ['committee'] },
  migrationsEtDeveloppement: { id: USERS.association, roles: ['association'] },
};

const usd = (major: number): Money => ({ amountMinor: major * 100, currency: 'USD' });
const eur = (major: number): Money => ({ amountMinor: major * 100, currency: 'EUR' });
const region = (code: string): GeoCode => ({ scheme: SCHEME_2015, code });

// ---- the envelopes ----

/** USD 500,000 for Morocco (source); the period is invented (the phase ran over 2014 and 2015). */
const ICMD_ENVELOPE: { envelopeId: string } & BudgetEnvelopeTerms = {
  envelopeId: IDS.envelopes.icmdPhase2Morocco,
  programmeId: IDS.programmes.icmdPhase2,
  name: {
    ar: 'المبادرة المشتركة للهجرة والتنمية، المرحلة الثانية — المغرب',
    fr: 'Initiative conjointe migration et développement (ICMD), phase 2 — Maroc',
    en: 'Joint Migration and Development Initiative (JMDI), phase 2 — Morocco',
  },
  funderId: REGISTRY.actors.iom,
  amount: usd(500_000),
  period: { start: '2014-01-01', end: '2015-12-31' },
};

/** EUR 5,000,000, three years from 2014 (source). No call: its projects are not selected here. */
const EU_ENVELOPE: { envelopeId: string } & BudgetEnvelopeTerms = {
  envelopeId: IDS.envelopes.euMobilityPartnership,
  programmeId: IDS.programmes.euMobilityPartnership,
  name: {
    ar: 'شراكة التنقل بين المغرب والاتحاد الأوروبي — مشروع الدعم',
    fr: 'Partenariat pour la mobilité Maroc–Union européenne — projet d’appui',
    en: 'Morocco–EU Mobility Partnership — support project',
  },
  funderId: REGISTRY.actors.europeanUnion,
  amount: eur(5_000_000),
  period: { start: '2014-01-01', end: '2016-12-31' },
};

// ---- the call ----

/** Invented: submissions close at the end of May 2014. */
const DEADLINE = '2014-05-31T23:59:59.000Z';

/** Invented, except the budget (the whole envelope) and an international selection (source). */
const CALL_TERMS: CallTermsInput = {
  programmeId: IDS.programmes.icmdPhase2,
  envelopeId: IDS.envelopes.icmdPhase2Morocco,
  title: {
    ar: 'طلب مشاريع المبادرة المشتركة للهجرة والتنمية، المرحلة الثانية — المغرب',
    fr: 'Appel à projets ICMD phase 2 — Maroc',
    en: 'JMDI phase 2 call for proposals — Morocco',
  },
  summary: {
    ar: 'دعم مبادرات التنمية المحلية التي تشارك فيها جمعيات مغاربة العالم والجماعات الترابية.',
    fr: 'Soutien aux initiatives de développement local portées par des associations de la diaspora marocaine avec les collectivités territoriales des régions d’origine.',
    en: 'Support for local development initiatives carried by Moroccan diaspora associations with the local authorities of their regions of origin.',
  },
  budget: usd(500_000),
  eligibility: {
    // Any host country: diaspora associations and local cooperatives alike.
    hostCountries: [],
    // Assumed target regions, in today's (2015) scheme as the domain requires: Tanger-Tétouan-Al
    // Hoceïma, L'Oriental, Souss-Massa.
    originRegions: [region('MA-01'), region('MA-02'), region('MA-09')],
    // drinking water, electricity grids, employment creation, agricultural development, water
    // resources and co-operatives, migration
    sectors: ['14030', '23630', '16020', '31120', '31140', '31194', '15190'],
    maxAmountRequested: usd(250_000),
    minCoFinancingPercent: 10,
  },
  awardCriteria: {
    criteria: [
      {
        criterionId: 'relevance',
        name: { ar: 'الملاءمة', fr: 'Pertinence au regard des besoins du territoire', en: 'Relevance' },
        weight: 30,
        threshold: 50,
      },
      {
        criterionId: 'co-development',
        name: {
          ar: 'إشراك مغاربة العالم والجماعات الترابية',
          fr: 'Implication de la diaspora et des collectivités (co-développement)',
          en: 'Involvement of the diaspora and local authorities (co-development)',
        },
        weight: 25,
        threshold: 50,
      },
      {
        criterionId: 'feasibility',
        name: { ar: 'الجدوى التقنية والمالية', fr: 'Faisabilité technique et financière', en: 'Feasibility' },
        weight: 25,
        threshold: 40,
      },
      {
        criterionId: 'sustainability',
        name: { ar: 'الاستدامة', fr: 'Durabilité et appropriation locale', en: 'Sustainability' },
        weight: 20,
        threshold: 0,
      },
    ],
    overallThreshold: 60,
  },
  internationalSelection: true,
  evaluatorsPerProposal: 3,
  deadline: DEADLINE,
  // Given, not left to the defaults: the draft stays the same command if the defaults change.
  appealWindowDays: 30,
  scoringRulesVersion: '2025-1',
  tieBreakRules: ['heaviest-criterion', 'earlier-submission', 'application-id'],
};

// ---- the applications ----

type DemoApplication = {
  applicationId: string;
  associationId: string;
  /** Who files the association's acts. */
  applicant: FundingDemoActor;
  proposal: DraftGrantApplication['data']['proposal'];
  /** What the Registry's events tell Funding: both associations are verified in the Registry demo. */
  association: AssociationFacts;
  draftedAt: string;
  submittedAt: string;
  /** Points per criterion (relevance, co-development, feasibility, sustainability) per evaluator. */
  points: readonly (readonly [number, number, number, number])[];
  comments: readonly (readonly [string, string, string, string])[];
  rank: number;
  rationale: string;
  agreementId: string;
  tranches: readonly TrancheSchedule[];
};

const CRITERIA = ['relevance', 'co-development', 'feasibility', 'sustainability'] as const;

const APPLICATIONS: readonly DemoApplication[] = [
  {
    applicationId: A.migrationsEtDeveloppement,
    associationId: REGISTRY.associations.migrationsEtDeveloppement,
    applicant: FUNDING_DEMO_ACTORS.migrationsEtDeveloppement,
    // Invented project, in line with M&D's record in the Registry demo (electrification, drinking
    // water, Taroudant province, Souss-Massa).
    proposal: {
      title: {
        ar: 'كهربة دواوير إقليم تارودانت وتزويدها بالماء الصالح للشرب',
        fr: 'Électrification et eau potable de douars de la province de Taroudant',
        en: 'Electrification and drinking water for villages of Taroudant province',
      },
      summary: {
        fr: 'Raccordement de douars isolés au réseau électrique et à l’eau potable, avec les communes rurales et les migrants originaires de ces douars ; formation des comités villageois de gestion.',
        en: 'Connecting remote villages to the grid and to drinking water, with the rural municipalities and the migrants from these villages; training of the village management committees.',
      },
      sectors: ['23630', '14030'],
      region: region('MA-09'),
      amountRequested: usd(250_000),
      // Invented: the villagers' and municipalities' contributions.
      coFinancing: usd(60_000),
    },
    association: {
      associationId: REGISTRY.associations.migrationsEtDeveloppement,
      status: 'verified',
      hostCountries: ['FR'],
    },
    draftedAt: '2014-04-14T10:00:00.000Z',
    submittedAt: '2014-05-20T15:00:00.000Z',
    // Invented scores and comments.
    points: [
      [88, 92, 80, 75],
      [82, 90, 78, 70],
      [90, 85, 84, 72],
    ],
    comments: [
      [
        'Besoin avéré : douars sans réseau recensés par les communes.',
        'Migrants des douars associés dès le diagnostic.',
        'Devis et calendrier réalistes, partenaires identifiés.',
        'Comités villageois prévus, tarification à préciser.',
      ],
      [
        'Répond aux priorités du plan communal.',
        'Forte mobilisation de la diaspora à Marseille.',
        'Expérience du porteur en électrification rurale.',
        'Maintenance du réseau à confier clairement à l’ONEE.',
      ],
      [
        'Projet très pertinent pour la province de Taroudant.',
        'Convention avec les communes à signer avant démarrage.',
        'Budget détaillé et cofinancement confirmé.',
        'Appropriation locale probable, formation prévue.',
      ],
    ],
    rank: 1,
    rationale: 'Classée première après les sélections nationale et internationale ; dans l’enveloppe.',
    agreementId: IDS.agreements.migrationsEtDeveloppement,
    // Invented schedule.
    tranches: [
      { trancheId: 'icmd2-md-t1', amount: usd(150_000), dueOn: '2014-09-15' },
      { trancheId: 'icmd2-md-t2', amount: usd(100_000), dueOn: '2015-06-30' },
    ],
  },
  {
    applicationId: A.cooperativesFiguig,
    associationId: REGISTRY.associations.cooperativesFiguig,
    // Invented: the cooperatives have no demo account; the officer records their application.
    applicant: FUNDING_DEMO_ACTORS.officer,
    // Invented project, in line with the cooperatives' record (agriculture, water, Figuig, Oriental).
    proposal: {
      title: {
        ar: 'الري المقتصد للماء وتثمين تمور واحة فجيج',
        fr: 'Irrigation économe en eau et valorisation des dattes de l’oasis de Figuig',
        en: 'Water-saving irrigation and date value chain in the Figuig oasis',
      },
      summary: {
        fr: 'Réhabilitation de khettaras et goutte-à-goutte pour les palmeraies ; unité coopérative de conditionnement des dattes, avec l’appui des Figuiguis de l’étranger.',
        en: 'Restoring khettaras and drip irrigation for the palm groves; a cooperative date packing unit, backed by Figuig people abroad.',
      },
      sectors: ['31140', '31194'],
      region: region('MA-02'),
      amountRequested: usd(250_000),
      // Invented: the members' contributions in kind and cash.
      coFinancing: usd(35_000),
    },
    association: {
      associationId: REGISTRY.associations.cooperativesFiguig,
      status: 'verified',
      hostCountries: ['FR'],
    },
    draftedAt: '2014-04-22T10:00:00.000Z',
    submittedAt: '2014-05-28T11:00:00.000Z',
    points: [
      [85, 70, 76, 82],
      [80, 74, 72, 80],
      [83, 68, 78, 85],
    ],
    comments: [
      [
        'Ressource en eau critique pour l’oasis.',
        'Diaspora présente mais rôle encore peu formalisé.',
        'Techniques éprouvées, devis fournis.',
        'Coopératives anciennes et structurées.',
      ],
      [
        'Cohérent avec la stratégie agricole régionale.',
        'Soutien des Figuiguis de l’étranger à formaliser par convention.',
        'Calendrier serré pour l’unité de conditionnement.',
        'Débouchés commerciaux identifiés.',
      ],
      [
        'Projet structurant pour les palmeraies.',
        'Implication de la commune à renforcer.',
        'Capacité de gestion démontrée par les coopératives.',
        'Entretien des khettaras assuré par les usagers.',
      ],
    ],
    rank: 2,
    rationale: 'Classée deuxième après les sélections nationale et internationale ; dans l’enveloppe.',
    agreementId: IDS.agreements.cooperativesFiguig,
    tranches: [
      { trancheId: 'icmd2-figuig-t1', amount: usd(125_000), dueOn: '2014-09-15' },
      { trancheId: 'icmd2-figuig-t2', amount: usd(125_000), dueOn: '2015-06-30' },
    ],
  },
];

const AWARD = usd(250_000);
const CONDITIONS = [
  'Rapport technique et financier approuvé avant chaque nouvelle tranche.',
  'Visibilité du partenariat OIM – ministère sur le terrain.',
];
const COMMITTEE = [USERS.committee];

/** Invented calendar of the selection, after the call's deadline (31 May 2014). */
const AT = {
  euEnvelopeOpened: '2014-01-06T09:00:00.000Z',
  icmdEnvelopeOpened: '2014-02-03T09:00:00.000Z',
  callDrafted: '2014-02-17T09:00:00.000Z',
  callPublished: '2014-03-03T09:00:00.000Z',
  callClosed: '2014-06-02T08:00:00.000Z',
  screened: '2014-06-05T09:00:00.000Z',
  assigned: '2014-06-09T09:00:00.000Z',
  declared: '2014-06-10T08:00:00.000Z',
  scored: ['2014-06-20T17:00:00.000Z', '2014-06-23T17:00:00.000Z', '2014-06-25T17:00:00.000Z'],
  consensus: '2014-07-01T09:00:00.000Z',
  recommended: '2014-07-08T14:00:00.000Z',
  decided: '2014-07-15T10:00:00.000Z',
  agreementSignedOn: '2014-09-01',
  agreementRecorded: '2014-09-02T09:00:00.000Z',
  firstTrancheReleased: '2014-09-15T09:00:00.000Z',
  firstReportSubmitted: '2015-03-31T12:00:00.000Z',
  firstReportApproved: '2015-04-15T09:00:00.000Z',
} as const;

/** `instant` plus `minutes`: orders the acts of one day. */
const plusMinutes = (instant: string, minutes: number): string =>
  new Date(Date.parse(instant) + minutes * 60_000).toISOString();

/**
 * The call as applications are submitted under it, folded from its own draft and publication, so
 * that the terms copied at submission are exactly the call's normalised terms.
 */
const callAtSubmission = (steps: readonly FundingDemoStep[]): CallInForce => {
  const commands = steps.flatMap((s) => (s.aggregate === 'callForProposals' ? [s.command] : []));
  const state = commands.reduce(
    (s, command) => foldEvents(callForProposalsDecider, callForProposalsDecider.decide(command, s), s),
    callForProposalsDecider.initialState(),
  );
  if (state.status !== 'published') throw new Error('the demo call is not published');
  return callInForce(state);
};

/** The whole demo as commands, in order; a fresh copy at each call. */
export function fundingDemoSteps(): FundingDemoStep[] {
  const steps: FundingDemoStep[] = [];
  const metadata = (actor: FundingDemoActor, now: string, ...parts: string[]): CommandMetadata => ({
    commandId: ['demo', 'funding', ...parts].join(':'),
    actor: { id: actor.id, roles: [...actor.roles] },
    now,
  });
  const envelope = (command: BudgetEnvelopeCommand) =>
    steps.push({
      aggregate: 'budgetEnvelope',
      id: command.data.envelopeId,
      streamId: budgetEnvelopeStreamName(command.data.envelopeId),
      command,
    });
  const call = (command: CallForProposalsCommand) =>
    steps.push({
      aggregate: 'callForProposals',
      id: command.data.callId,
      streamId: callForProposalsStreamName(command.data.callId),
      command,
    });
  const application = (command: GrantApplicationCommand) =>
    steps.push({
      aggregate: 'grantApplication',
      id: command.data.applicationId,
      streamId: grantApplicationStreamName(command.data.applicationId),
      command,
    });
  const { officer, evaluators, committee } = FUNDING_DEMO_ACTORS;
  const callId = IDS.calls.icmdPhase2Morocco;

  // The programmes' envelopes.
  for (const [terms, at] of [
    [EU_ENVELOPE, AT.euEnvelopeOpened],
    [ICMD_ENVELOPE, AT.icmdEnvelopeOpened],
  ] as const) {
    envelope({
      type: 'OpenBudgetEnvelope',
      data: { ...terms },
      metadata: metadata(officer, at, 'OpenBudgetEnvelope', terms.envelopeId),
    });
  }

  // The call, drafted and published before its deadline.
  call({
    type: 'DraftCallForProposals',
    data: { callId, terms: CALL_TERMS },
    metadata: metadata(officer, AT.callDrafted, 'DraftCallForProposals', callId),
  });
  call({
    type: 'PublishCallForProposals',
    data: { callId },
    metadata: metadata(officer, AT.callPublished, 'PublishCallForProposals', callId),
  });
  const callInForceAtSubmission = callAtSubmission(steps);

  // Drafted and submitted before the deadline, by verified associations.
  for (const app of APPLICATIONS) {
    const { applicationId, associationId, proposal } = app;
    application({
      type: 'DraftGrantApplication',
      data: { applicationId, callId, associationId, proposal },
      metadata: metadata(app.applicant, app.draftedAt, 'DraftGrantApplication', applicationId),
    });
  }
  for (const app of APPLICATIONS) {
    const { applicationId, association } = app;
    application({
      type: 'SubmitGrantApplication',
      data: { applicationId, association, call: callInForceAtSubmission },
      metadata: metadata(app.applicant, app.submittedAt, 'SubmitGrantApplication', applicationId),
    });
  }

  // The deadline has passed: the call closes, then the selection begins.
  call({
    type: 'CloseCallForProposals',
    data: { callId },
    metadata: metadata(officer, AT.callClosed, 'CloseCallForProposals', callId),
  });

  APPLICATIONS.forEach(({ applicationId, association }, i) =>
    application({
      type: 'ScreenEligibility',
      data: { applicationId, association },
      metadata: metadata(officer, plusMinutes(AT.screened, 30 * i), 'ScreenEligibility', applicationId),
    }),
  );

  APPLICATIONS.forEach(({ applicationId }, i) =>
    evaluators.forEach(({ id: evaluatorId }, e) =>
      application({
        type: 'AssignEvaluator',
        data: { applicationId, evaluatorId, linksToApplicant: [] },
        metadata: metadata(
          officer,
          plusMinutes(AT.assigned, 10 * i + e),
          'AssignEvaluator',
          applicationId,
          evaluatorId,
        ),
      }),
    ),
  );

  // Each evaluator declares no conflict of interest, then opens the dossier.
  evaluators.forEach((evaluator, e) =>
    APPLICATIONS.forEach(({ applicationId }, i) => {
      const evaluatorId = evaluator.id;
      application({
        type: 'DeclareConflictOfInterest',
        data: {
          applicationId,
          evaluatorId,
          hasConflict: false,
          statement:
            'Je déclare n’avoir aucun lien personnel, professionnel ou financier avec le porteur du projet.',
        },
        metadata: metadata(
          evaluator,
          plusMinutes(AT.declared, 60 * e + 10 * i),
          'DeclareConflictOfInterest',
          applicationId,
          evaluatorId,
        ),
      });
      application({
        type: 'OpenEvaluationDossier',
        data: { applicationId, evaluatorId },
        metadata: metadata(
          evaluator,
          plusMinutes(AT.declared, 60 * e + 10 * i + 5),
          'OpenEvaluationDossier',
          applicationId,
          evaluatorId,
        ),
      });
    }),
  );

  // Each evaluator scores every criterion, with a comment, alone.
  evaluators.forEach((evaluator, e) =>
    APPLICATIONS.forEach(({ applicationId, points, comments }, i) => {
      const scores: CriterionScore[] = CRITERIA.map((criterionId, c) => ({
        criterionId,
        points: points[e][c],
        comment: comments[e][c],
      }));
      application({
        type: 'RecordEvaluatorScores',
        data: { applicationId, evaluatorId: evaluator.id, scores },
        metadata: metadata(
          evaluator,
          plusMinutes(AT.scored[e], 30 * i),
          'RecordEvaluatorScores',
          applicationId,
          evaluator.id,
        ),
      });
    }),
  );

  APPLICATIONS.forEach(({ applicationId }, i) =>
    application({
      type: 'ReachConsensusScore',
      data: { applicationId },
      metadata: metadata(officer, plusMinutes(AT.consensus, 10 * i), 'ReachConsensusScore', applicationId),
    }),
  );

  APPLICATIONS.forEach(({ applicationId, rank, rationale }, i) =>
    application({
      type: 'RecordCommitteeRecommendation',
      data: { applicationId, recommended: true, rank, rationale, committeeMembers: COMMITTEE },
      metadata: metadata(
        committee,
        plusMinutes(AT.recommended, 10 * i),
        'RecordCommitteeRecommendation',
        applicationId,
      ),
    }),
  );

  // Each award: the envelope commits the amount first (it alone guards the budget), then the
  // decision records what the envelope had left before that commitment.
  const envelopeId = ICMD_ENVELOPE.envelopeId;
  let remainingMinor = ICMD_ENVELOPE.amount.amountMinor;
  // Both awards are inside the funded set: ranked 1 and 2, they fit the call's budget together.
  APPLICATIONS.forEach(({ applicationId, rationale, rank }, i) => {
    const at = plusMinutes(AT.decided, 10 * i);
    envelope({
      type: 'CommitFunds',
      data: {
        envelopeId,
        applicationId,
        amount: AWARD,
        award: {
          commandId: ['demo', 'funding', 'AwardGrant', applicationId].join(':'),
          conditions: CONDITIONS,
          rationale,
          committeeMembers: COMMITTEE,
          decidedAt: plusMinutes(at, 1),
          by: committee.id,
          ranking: { rank, fundedSet: true },
          derogation: null,
        },
      },
      metadata: metadata(committee, at, 'CommitFunds', envelopeId, applicationId),
    });
    application({
      type: 'AwardGrant',
      data: {
        applicationId,
        amount: AWARD,
        conditions: CONDITIONS,
        rationale,
        committeeMembers: COMMITTEE,
        envelope: { envelopeId, remaining: { ...AWARD, amountMinor: remainingMinor } },
        ranking: { rank, fundedSet: true },
        derogation: null,
      },
      metadata: metadata(committee, plusMinutes(at, 1), 'AwardGrant', applicationId),
    });
    remainingMinor -= AWARD.amountMinor;
  });

  // The agreements, each split into tranches; the first tranche of each is paid.
  APPLICATIONS.forEach(({ applicationId, associationId, agreementId, tranches }, i) =>
    application({
      type: 'SignGrantAgreement',
      data: {
        applicationId,
        agreementId,
        signedOn: AT.agreementSignedOn,
        signatories: [associationId, REGISTRY.actors.iom, REGISTRY.actors.ministry],
        tranches: tranches.map((t) => ({ ...t })),
      },
      metadata: metadata(
        officer,
        plusMinutes(AT.agreementRecorded, 10 * i),
        'SignGrantAgreement',
        applicationId,
      ),
    }),
  );
  APPLICATIONS.forEach(({ applicationId, tranches: [first] }, i) => {
    const at = plusMinutes(AT.firstTrancheReleased, 10 * i);
    application({
      type: 'ReleaseTranche',
      data: { applicationId, trancheId: first.trancheId },
      metadata: metadata(officer, at, 'ReleaseTranche', applicationId, first.trancheId),
    });
    envelope({
      type: 'RecordDisbursement',
      data: { envelopeId, applicationId, trancheId: first.trancheId, amount: first.amount },
      metadata: metadata(
        officer,
        plusMinutes(at, 1),
        'RecordDisbursement',
        envelopeId,
        applicationId,
        first.trancheId,
      ),
    });
  });

  // M&D reports on its first tranche and the report is approved: its second tranche may be
  // released (left to the demo's users), while the cooperatives' second one waits for a report.
  const md = APPLICATIONS[0];
  const firstTranche = md.tranches[0].trancheId;
  application({
    type: 'SubmitTrancheReport',
    data: {
      applicationId: md.applicationId,
      trancheId: firstTranche,
      reportId: `${firstTranche}-report`,
      summary:
        'Réseau électrique posé dans quatre douars sur six ; études du réseau d’eau achevées ; dépenses conformes au budget.',
    },
    metadata: metadata(
      md.applicant,
      AT.firstReportSubmitted,
      'SubmitTrancheReport',
      md.applicationId,
      firstTranche,
    ),
  });
  application({
    type: 'ReviewTrancheReport',
    data: {
      applicationId: md.applicationId,
      trancheId: firstTranche,
      approved: true,
      comment: 'Rapport conforme ; pièces justificatives vérifiées.',
    },
    metadata: metadata(
      officer,
      AT.firstReportApproved,
      'ReviewTrancheReport',
      md.applicationId,
      firstTranche,
    ),
  });

  // A JSON copy, not structuredClone: under jest's VM a structured clone's objects have another
  // realm's prototypes, which canonical JSON (hashing) refuses as not plain.
  return JSON.parse(JSON.stringify(steps)) as FundingDemoStep[];
}
