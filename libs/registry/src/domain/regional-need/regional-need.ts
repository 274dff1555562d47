import { Command, Decider, DomainEvent, streamName } from '@tadamon/eventsourcing';
import { findGeoUnit, GeoCode, Money, regionsFor } from '@tadamon/reference-data';
import { AlreadyRegistered, InvalidTransition, NotRegistered, RegistryError } from '../errors';
import {
  checkGeoCode,
  checkId,
  checkList,
  checkLocalizedText,
  checkOneOf,
  checkPositiveMoney,
  checkSector,
  checkText,
  FieldIssues,
  LocalizedText,
  MAX_LONG_TEXT,
  sameJson,
} from '../field-validation';
import { ActorKind } from '../actor/actor';

export const REGIONAL_NEED_CATEGORY = 'regionalNeed';
export const regionalNeedStreamName = (needId: string): string => streamName(REGIONAL_NEED_CATEGORY, needId);

export const NEED_PRIORITIES = ['high', 'medium', 'low'] as const;
export type NeedPriority = (typeof NEED_PRIORITIES)[number];
/** Who publishes needs: the CRIs and the development agencies. */
export const PUBLISHER_KINDS: readonly ActorKind[] = ['regional-investment-centre', 'development-agency'];

export type RegionalNeedDetails = {
  /** A 2015 region, or a province (which lies in one region). */
  readonly location: GeoCode;
  readonly sector: string;
  readonly title: LocalizedText;
  readonly description: LocalizedText;
  readonly estimatedBudget: Money;
  readonly priority: NeedPriority;
};

export type PublishRegionalNeed = Command<
  'PublishRegionalNeed',
  {
    needId: string;
    publisherId: string;
    /** The publisher's kind and regions, read by the application layer from its actor record. */
    publisherKind: ActorKind;
    publisherRegions: readonly GeoCode[];
  } & RegionalNeedDetails
>;
export type MatchRegionalNeed = Command<
  'MatchRegionalNeed',
  { needId: string; associationIds: readonly string[]; funderIds: readonly string[] }
>;
export type MarkRegionalNeedAddressed = Command<
  'MarkRegionalNeedAddressed',
  { needId: string; note: string }
>;
export type WithdrawRegionalNeed = Command<'WithdrawRegionalNeed', { needId: string; reason: string }>;
export type RegionalNeedCommand =
  PublishRegionalNeed | MatchRegionalNeed | MarkRegionalNeedAddressed | WithdrawRegionalNeed;

export type RegionalNeedPublished = DomainEvent<
  'RegionalNeedPublished',
  {
    needId: string;
    publisherId: string;
    region: string;
    publishedAt: string;
    by: string;
  } & RegionalNeedDetails
>;
export type RegionalNeedMatched = DomainEvent<
  'RegionalNeedMatched',
  { needId: string; associationIds: string[]; funderIds: string[]; matchedAt: string; by: string }
>;
export type RegionalNeedAddressed = DomainEvent<
  'RegionalNeedAddressed',
  { needId: string; note: string; addressedAt: string; by: string }
>;
export type RegionalNeedWithdrawn = DomainEvent<
  'RegionalNeedWithdrawn',
  { needId: string; reason: string; withdrawnAt: string; by: string }
>;
export type RegionalNeedEvent =
  RegionalNeedPublished | RegionalNeedMatched | RegionalNeedAddressed | RegionalNeedWithdrawn;

export type RegionalNeedStatus = 'open' | 'matched' | 'addressed' | 'withdrawn';
export type PublishedNeed = {
  readonly status: RegionalNeedStatus;
  readonly needId: string;
  readonly publisherId: string;
  /** The 2015 region of the location. */
  readonly region: string;
  readonly associationIds: readonly string[];
  readonly funderIds: readonly string[];
} & RegionalNeedDetails;
export type RegionalNeedState = { readonly status: 'none' } | PublishedNeed;

export const initialRegionalNeedState = (): RegionalNeedState => ({ status: 'none' });

/** The publisher may not publish this need: not a CRI or agency, or not one covering its region. */
export class PublisherNotAllowed extends RegistryError {
  readonly code = 'PUBLISHER_NOT_ALLOWED';
  override readonly kind = 'forbidden';
  constructor(
    readonly publisherId: string,
    readonly reason: string,
  ) {
    super(`${publisherId} may not publish this need: ${reason}`);
  }
  override params() {
    return { reason: this.reason };
  }
}

const NEED = 'regionalNeed';

/** The 2015 region of a valid location code. */
const regionOf = (location: GeoCode): string => regionsFor(location.code, location.scheme)[0].code;

const checkDetails = (issues: FieldIssues, data: PublishRegionalNeed['data']): RegionalNeedDetails => ({
  location: checkGeoCode(issues, 'location', data.location, { currentOnly: true }),
  sector: checkSector(issues, 'sector', data.sector),
  title: checkLocalizedText(issues, 'title', data.title),
  description: checkLocalizedText(issues, 'description', data.description, MAX_LONG_TEXT),
  estimatedBudget: checkPositiveMoney(issues, 'estimatedBudget', data.estimatedBudget),
  priority: checkOneOf(issues, 'priority', data.priority, NEED_PRIORITIES),
});

const checkIds = (issues: FieldIssues, field: string, value: unknown): string[] =>
  checkList(issues, field, value, (f, v) => checkId(issues, f, v), { key: String }).sort();

export const decideRegionalNeed = (
  command: RegionalNeedCommand,
  state: RegionalNeedState,
): RegionalNeedEvent[] => {
  const { now, actor } = command.metadata;
  const by = actor.id;
  const issues = new FieldIssues();
  const needId = checkId(issues, 'needId', command.data.needId);
  if (state.status === 'none') {
    if (command.type !== 'PublishRegionalNeed') throw new NotRegistered(NEED, command.type);
    const { data } = command;
    const publisherId = checkId(issues, 'publisherId', data.publisherId);
    const details = checkDetails(issues, data);
    const publisherRegions = checkList(issues, 'publisherRegions', data.publisherRegions, (f, v) =>
      checkGeoCode(issues, f, v, { levels: ['region'], currentOnly: true }),
    );
    issues.throwIfAny();
    if (!PUBLISHER_KINDS.includes(data.publisherKind)) {
      throw new PublisherNotAllowed(
        publisherId,
        'only a regional investment centre or an agency publishes needs',
      );
    }
    const region = regionOf(details.location);
    if (!publisherRegions.some((r) => r.code === region)) {
      throw new PublisherNotAllowed(publisherId, `it does not cover region ${region}`);
    }
    return [
      {
        type: 'RegionalNeedPublished',
        data: { needId, publisherId, region, ...details, publishedAt: now, by },
      },
    ];
  }
  if (needId !== state.needId) issues.add('needId', `must be ${state.needId}, the need of this stream`);
  issues.throwIfAny();
  const refuse = (): never => {
    throw new InvalidTransition(NEED, state.status, command.type);
  };
  switch (command.type) {
    case 'PublishRegionalNeed': {
      const details = checkDetails(issues, command.data);
      issues.throwIfAny();
      const same =
        command.data.publisherId === state.publisherId &&
        (Object.keys(details) as (keyof RegionalNeedDetails)[]).every((k) => sameJson(details[k], state[k]));
      if (same) return [];
      throw new AlreadyRegistered(NEED, needId);
    }
    case 'MatchRegionalNeed': {
      const associationIds = checkIds(issues, 'associationIds', command.data.associationIds);
      const funderIds = checkIds(issues, 'funderIds', command.data.funderIds);
      if (issues.count === 0 && associationIds.length + funderIds.length === 0) {
        issues.add('associationIds', 'a match names at least one association or funder');
      }
      issues.throwIfAny();
      const same = sameJson(associationIds, state.associationIds) && sameJson(funderIds, state.funderIds);
      if (state.status === 'matched' && same) return [];
      if (state.status !== 'open') refuse();
      return [
        { type: 'RegionalNeedMatched', data: { needId, associationIds, funderIds, matchedAt: now, by } },
      ];
    }
    case 'MarkRegionalNeedAddressed': {
      if (state.status === 'addressed') return [];
      if (state.status !== 'matched') refuse();
      const note = checkText(issues, 'note', command.data.note, MAX_LONG_TEXT);
      issues.throwIfAny();
      return [{ type: 'RegionalNeedAddressed', data: { needId, note, addressedAt: now, by } }];
    }
    case 'WithdrawRegionalNeed': {
      if (state.status === 'withdrawn') return [];
      if (state.status !== 'open' && state.status !== 'matched') refuse();
      const reason = checkText(issues, 'reason', command.data.reason, MAX_LONG_TEXT);
      issues.throwIfAny();
      return [{ type: 'RegionalNeedWithdrawn', data: { needId, reason, withdrawnAt: now, by } }];
    }
  }
};

export const evolveRegionalNeed = (state: RegionalNeedState, event: RegionalNeedEvent): RegionalNeedState => {
  if (event.type === 'RegionalNeedPublished') {
    const { needId, publisherId, region, location, sector, title, description, estimatedBudget, priority } =
      event.data;
    return {
      status: 'open',
      needId,
      publisherId,
      region,
      location,
      sector,
      title,
      description,
      estimatedBudget,
      priority,
      associationIds: [],
      funderIds: [],
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'RegionalNeedMatched':
      return {
        ...state,
        status: 'matched',
        associationIds: event.data.associationIds,
        funderIds: event.data.funderIds,
      };
    case 'RegionalNeedAddressed':
      return { ...state, status: 'addressed' };
    case 'RegionalNeedWithdrawn':
      return { ...state, status: 'withdrawn' };
  }
};

export const regionalNeedDecider: Decider<RegionalNeedCommand, RegionalNeedEvent, RegionalNeedState> = {
  decide: decideRegionalNeed,
  evolve: evolveRegionalNeed,
  initialState: initialRegionalNeedState,
};

/** Whether a location code designates a province (for matching: a province match beats a region match). */
export const isProvinceLocation = (location: GeoCode): boolean =>
  findGeoUnit(location.scheme, location.code)?.level === 'province';
