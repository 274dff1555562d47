import { CommandMetadata, DeciderSpecification } from '@tadamon/eventsourcing';
import { AlreadyRegistered, InvalidTransition, NotRegistered, ValidationFailed } from '../errors';
import {
  PublisherNotAllowed,
  RegionalNeedCommand,
  regionalNeedDecider,
  RegionalNeedEvent,
  regionalNeedStreamName,
} from './regional-need';

const now = '2025-03-01T10:00:00.000Z';
const metadata: CommandMetadata = { commandId: 'cmd-1', actor: { id: 'partner-3', roles: ['partner'] }, now };
const spec = DeciderSpecification.for(regionalNeedDecider);
const needId = 'need-2025-001';
const by = 'partner-3';
const command = <C extends RegionalNeedCommand>(type: C['type'], data: C['data']): C =>
  ({ type, data, metadata }) as C;
const souss = { scheme: 'iso3166-2:2015' as const, code: 'MA-09' };
const details = {
  location: { scheme: 'iso3166-2:2015' as const, code: 'MA-TIZ' },
  sector: '14030',
  title: { fr: 'Eau potable à Tafraout' },
  description: { fr: "Adduction d'eau potable pour six douars", en: 'Drinking water for six villages' },
  estimatedBudget: { amountMinor: 250_000_000, currency: 'MAD' as const },
  priority: 'high' as const,
};
const publish = command('PublishRegionalNeed', {
  needId,
  publisherId: 'cri-souss-massa',
  publisherKind: 'regional-investment-centre',
  publisherRegions: [souss],
  ...details,
});
const published: RegionalNeedEvent = {
  type: 'RegionalNeedPublished',
  data: { needId, publisherId: 'cri-souss-massa', region: 'MA-09', ...details, publishedAt: now, by },
};
const match = command('MatchRegionalNeed', { needId, associationIds: ['md-0001'], funderIds: ['iom'] });
const matched: RegionalNeedEvent = {
  type: 'RegionalNeedMatched',
  data: { needId, associationIds: ['md-0001'], funderIds: ['iom'], matchedAt: now, by },
};
const addressed: RegionalNeedEvent = {
  type: 'RegionalNeedAddressed',
  data: { needId, note: 'project PRJ-42 signed', addressedAt: now, by },
};
const withdrawn: RegionalNeedEvent = {
  type: 'RegionalNeedWithdrawn',
  data: { needId, reason: 'covered by the national programme', withdrawnAt: now, by },
};

describe('regional need', () => {
  it('lives in streams of the regionalNeed category', () => {
    expect(regionalNeedStreamName(needId)).toBe('regionalNeed-need-2025-001');
  });

  describe('PublishRegionalNeed', () => {
    it('publishes an open need in a province of a region the publisher covers', () => {
      spec.when(publish).then([published]);
    });
    it('changes nothing when the same need is published again', () => {
      spec.given([published]).when(publish).thenNothingHappened();
    });
    it('refuses other data under the same id', () => {
      spec
        .given([published])
        .when(command('PublishRegionalNeed', { ...publish.data, priority: 'low' }))
        .thenThrows(AlreadyRegistered);
    });
    it('refuses a need outside the regions the publisher covers', () => {
      spec
        .when(
          command('PublishRegionalNeed', {
            ...publish.data,
            publisherRegions: [{ scheme: 'iso3166-2:2015', code: 'MA-02' }],
          }),
        )
        .thenThrows(PublisherNotAllowed, (e) => e.publisherId === 'cri-souss-massa');
    });
    it('refuses a publisher that is neither a CRI nor an agency', () => {
      spec
        .when(command('PublishRegionalNeed', { ...publish.data, publisherKind: 'funder' }))
        .thenThrows(PublisherNotAllowed);
    });
    it('refuses an unknown sector, a zero budget and an unknown priority', () => {
      const error = spec
        .when(
          command('PublishRegionalNeed', {
            ...publish.data,
            sector: '00000',
            estimatedBudget: { amountMinor: 0, currency: 'MAD' },
            priority: 'urgent' as 'high',
          }),
        )
        .thenThrows(ValidationFailed);
      expect(error.issues.map((i) => i.field)).toEqual(['sector', 'estimatedBudget.amountMinor', 'priority']);
    });
  });

  describe('MatchRegionalNeed', () => {
    it('matches an open need with associations and funders', () => {
      spec.given([published]).when(match).then([matched]);
    });
    it('changes nothing when matched again with the same parties', () => {
      spec.given([published, matched]).when(match).thenNothingHappened();
    });
    it('refuses to match a withdrawn need', () => {
      spec.given([published, withdrawn]).when(match).thenThrows(InvalidTransition);
    });
    it('refuses a match naming nobody', () => {
      spec
        .given([published])
        .when(command('MatchRegionalNeed', { needId, associationIds: [], funderIds: [] }))
        .thenThrows(ValidationFailed);
    });
    it('refuses to match a need that was never published', () => {
      spec.when(match).thenThrows(NotRegistered);
    });
  });

  describe('MarkRegionalNeedAddressed', () => {
    const address = command('MarkRegionalNeedAddressed', { needId, note: 'project PRJ-42 signed' });
    it('marks a matched need as addressed', () => {
      spec.given([published, matched]).when(address).then([addressed]);
    });
    it('changes nothing when already addressed', () => {
      spec.given([published, matched, addressed]).when(address).thenNothingHappened();
    });
    it('refuses to address a need nobody was matched to', () => {
      spec.given([published]).when(address).thenThrows(InvalidTransition);
    });
  });

  describe('WithdrawRegionalNeed', () => {
    const withdraw = command('WithdrawRegionalNeed', { needId, reason: 'covered by the national programme' });
    it('withdraws an open need', () => {
      spec.given([published]).when(withdraw).then([withdrawn]);
    });
    it('withdraws a matched need', () => {
      spec.given([published, matched]).when(withdraw).then([withdrawn]);
    });
    it('changes nothing when already withdrawn', () => {
      spec.given([published, withdrawn]).when(withdraw).thenNothingHappened();
    });
    it('refuses to withdraw an addressed need', () => {
      spec.given([published, matched, addressed]).when(withdraw).thenThrows(InvalidTransition);
    });
  });
});
