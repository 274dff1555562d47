import {
  fundingPublication,
  IntegrationEvent,
  partnershipsPublication,
  registryPublication,
  trainingPublication,
} from '@tadamon/contracts';
import { NOTICE_SOURCES, noticesOf } from './notice-intents';

const event = (context: string, type: string, data: unknown): IntegrationEvent => ({
  eventId: `evt-${type}`,
  type,
  schemaVersion: 1,
  context,
  streamId: 's-1',
  globalPosition: 1,
  occurredAt: '2026-03-01T09:00:00.000Z',
  correlationId: 'c',
  causationId: 'c',
  data,
});
const at = '2026-03-01T09:00:00.000Z';

describe('the notices an integration event calls for', () => {
  it('tells the association its application was received, and remembers whose it is', () => {
    expect(
      noticesOf(
        event('funding', 'ApplicationSubmitted', {
          applicationId: 'app-1',
          callId: 'call-1',
          associationId: 'assoc-md',
          criteriaVersion: 1,
          submittedAt: at,
        }),
      ),
    ).toEqual({
      context: 'funding',
      subject: { subjectId: 'app-1', organisationIds: ['assoc-md'] },
      notices: [
        {
          trigger: 'application-received',
          subjectId: 'app-1',
          organisationIds: ['assoc-md'],
          facts: { reference: 'app-1', date: at },
        },
      ],
    });
  });

  it('tells the later steps to the organisations recorded for the application', () => {
    const notices = noticesOf(
      event('funding', 'ApplicationFoundIneligible', {
        applicationId: 'app-1',
        at,
        reasons: ['host-country'],
      }),
    );
    expect(notices?.notices).toEqual([
      {
        trigger: 'application-ineligible',
        subjectId: 'app-1',
        organisationIds: null,
        facts: { reference: 'app-1', date: at, reasons: ['host-country'] },
      },
    ]);
  });

  it('gives the amount and title of an award and the appeal deadline of a rejection', () => {
    const award = noticesOf(
      event('funding', 'GrantAwarded', {
        applicationId: 'app-1',
        callId: 'call-1',
        associationId: 'assoc-md',
        envelopeId: 'env-1',
        criteriaVersion: 1,
        scoringRulesVersion: '1',
        decidedAt: at,
        amount: { amountMinor: 100, currency: 'MAD' },
        project: {
          title: { fr: 'Eau' },
          summary: {},
          sectors: [],
          region: { scheme: 's', code: '09' },
          coFinancing: { amountMinor: 0, currency: 'MAD' },
        },
      }),
    );
    expect(award?.notices[0]).toMatchObject({
      trigger: 'grant-awarded',
      organisationIds: ['assoc-md'],
      facts: { amount: { amountMinor: 100, currency: 'MAD' }, title: { fr: 'Eau' } },
    });
    const rejection = noticesOf(
      event('funding', 'ApplicationRejected', {
        applicationId: 'app-2',
        associationId: 'assoc-md',
        decidedAt: at,
        appealDeadline: '2026-03-31T23:59:59.000Z',
      }),
    );
    expect(rejection?.notices[0]).toMatchObject({
      trigger: 'application-rejected',
      facts: { deadline: '2026-03-31T23:59:59.000Z' },
    });
  });

  it('tells an agreement’s signatories when it, or an amendment, is in force', () => {
    expect(
      noticesOf(
        event('partnerships', 'AgreementAwaitingSignatures', {
          agreementId: 'agr-1',
          version: 1,
          amendmentId: null,
          kind: 'agreement',
          signatories: ['assoc-md', 'actor-iom'],
          at,
        }),
      ),
    ).toEqual({
      context: 'partnerships',
      subject: { subjectId: 'agr-1', organisationIds: ['assoc-md', 'actor-iom'] },
      notices: [],
    });
    const inForce = (version: number) =>
      noticesOf(
        event('partnerships', 'AgreementVersionInForce', {
          agreementId: 'agr-1',
          version,
          amendmentId: version > 1 ? 'amd-1' : null,
          effectiveOn: '2026-04-01',
          at,
        }),
      )?.notices[0];
    expect(inForce(1)).toMatchObject({ trigger: 'agreement-signed', facts: { reference: 'agr-1' } });
    expect(inForce(2)).toMatchObject({ trigger: 'agreement-amended', facts: { reference: 'amd-1' } });
  });

  it('remembers a published need’s title and publisher, for the notices of its matches', () => {
    expect(
      noticesOf(
        event('registry', 'RegionalNeedPublished', {
          needId: 'need-1',
          publisherId: 'actor-cri',
          region: 'MA-09',
          location: { scheme: 's', code: 'MA-TIZ' },
          sector: '14030',
          title: { fr: 'Eau potable' },
          estimatedBudget: { amountMinor: 1, currency: 'MAD' },
          priority: 'high',
          publishedAt: at,
        }),
      ),
    ).toEqual({
      context: 'registry',
      subject: { subjectId: 'need-1', organisationIds: ['actor-cri'], title: { fr: 'Eau potable' } },
      notices: [],
    });
  });

  it('tells the associations a regional need was matched with', () => {
    const notices = noticesOf(
      event('registry', 'RegionalNeedMatched', {
        needId: 'need-1',
        associationIds: ['a', 'b'],
        funderIds: [],
        at,
      }),
    );
    expect(notices?.notices[0]).toMatchObject({ trigger: 'need-matching', organisationIds: ['a', 'b'] });
  });

  it('tells a published call to the associations of its regions, sectors and host countries', () => {
    const published = {
      callId: 'call-1',
      criteriaVersion: 1,
      deadline: '2026-04-30T23:59:00.000Z',
      publishedAt: at,
      title: { fr: 'Eau potable' },
      eligibility: {
        hostCountries: ['FR'],
        originRegions: [{ scheme: 'iso3166-2:2015', code: 'MA-09' }],
        sectors: ['14030'],
        maxAmountRequested: { amountMinor: 100, currency: 'MAD' },
      },
    };
    expect(noticesOf(event('funding', 'CallPublished', published))?.notices).toEqual([
      {
        trigger: 'call-matching',
        subjectId: 'call-1',
        organisationIds: null,
        audience: { originRegions: ['MA-09'], sectors: ['14030'], hostCountries: ['FR'] },
        facts: {
          reference: 'call-1',
          title: { fr: 'Eau potable' },
          date: at,
          deadline: '2026-04-30T23:59:00.000Z',
          reasons: ['14030'],
          amount: { amountMinor: 100, currency: 'MAD' },
        },
      },
    ]);
    const { title: _t, eligibility: _e, ...before } = published;
    expect(noticesOf(event('funding', 'CallPublished', before))?.notices).toEqual([]);
  });

  it('keeps a module’s title, and a session as part of its module', () => {
    expect(
      noticesOf(
        event('training', 'ModuleDefined', {
          moduleId: 'module-1',
          code: 'GP-101',
          title: { fr: 'Gestion de projet' },
          theme: 'management',
          durationMinutes: 240,
          languages: ['fr'],
          at,
        }),
      ),
    ).toEqual({
      context: 'training',
      subject: { subjectId: 'module-1', organisationIds: [], title: { fr: 'Gestion de projet' } },
      notices: [],
    });
    expect(
      noticesOf(event('training', 'SessionScheduled', { sessionId: 'session-1', moduleId: 'module-1' }))
        ?.subject,
    ).toEqual({ subjectId: 'session-1', organisationIds: [], partOf: 'module-1' });
  });

  it('tells the trainee (and its association’s accounts) a confirmed seat, with the session’s facts', () => {
    expect(
      noticesOf(
        event('training', 'EnrolmentConfirmed', {
          sessionId: 'session-1',
          traineeId: 'person-1',
          associationId: 'assoc-md',
          promotedFromWaitingList: false,
          at,
        }),
      )?.notices,
    ).toEqual([
      {
        trigger: 'enrolment-confirmed',
        subjectId: 'session-1',
        organisationIds: ['assoc-md'],
        person: 'person-1',
        session: 'session-1',
        facts: { reference: 'session-1' },
      },
    ]);
  });

  it('tells the trainee its certificate, titled by its module', () => {
    const issued = noticesOf(
      event('training', 'CertificateIssued', {
        certificateId: 'cert-1',
        traineeId: 'person-1',
        associationId: 'assoc-md',
        sessionId: 'session-1',
        moduleId: 'module-1',
        achievement: { fr: 'Gestion de projet' },
        completedOn: '2026-03-01',
        at,
      }),
    );
    expect(issued?.subject).toEqual({
      subjectId: 'cert-1',
      organisationIds: ['assoc-md'],
      partOf: 'module-1',
    });
    expect(issued?.notices).toEqual([
      {
        trigger: 'certificate-issued',
        subjectId: 'cert-1',
        organisationIds: ['assoc-md'],
        person: 'person-1',
        facts: { reference: 'cert-1', date: at },
      },
    ]);
  });

  it('calls for nothing on the other events', () => {
    expect(noticesOf(event('funding', 'CallClosed', { callId: 'c', at }))).toBeUndefined();
    expect(noticesOf(event('training', 'Anything', {}))).toBeUndefined();
    expect(
      noticesOf(event('training', 'EnrolmentCancelled', { sessionId: 's', traineeId: 't', at })),
    ).toBeUndefined();
  });

  it('names only integration event types the publications really publish', () => {
    const published: Record<string, string[]> = Object.fromEntries(
      [fundingPublication, partnershipsPublication, registryPublication, trainingPublication].map((p) => [
        p.context,
        Object.values(p.events).map((e) => e.type),
      ]),
    );
    for (const [context, types] of Object.entries(NOTICE_SOURCES))
      for (const type of types) expect(published[context]).toContain(type);
  });
});
