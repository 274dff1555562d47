import { Command, Decider, DomainEvent, foldEvents } from '@tadamon/eventsourcing';
import { findSector, SCHEME_2015 } from '@tadamon/reference-data';
import {
  associationDecider,
  associationStreamName,
  AssociationState,
} from '../domain/association/association';
import { actorDecider, actorStreamName, ActorState } from '../domain/actor/actor';
import {
  CONSENT_PURPOSES,
  contactPersonDecider,
  ContactPersonCommand,
  LEGAL_BASES,
} from '../domain/contact-person/contact-person';
import { networkDecider, networkStreamName, NetworkState } from '../domain/network/network';
import {
  regionalNeedDecider,
  regionalNeedStreamName,
  RegionalNeedState,
} from '../domain/regional-need/regional-need';
import {
  DEMO_SEED_ACTOR,
  REGISTRY_DEMO_CONTACTS,
  REGISTRY_DEMO_IDS,
  registryDemoSteps,
  RegistryDemoStep,
} from './registry-demo-data';

const now = '2025-06-01T09:00:00.000Z';

/** The state of every stream the steps touched, as a store would hold it. */
type Streams = Map<string, unknown>;

const decideAndFold = <C extends Command, E extends DomainEvent, S>(
  decider: Decider<C, E, S>,
  streams: Streams,
  streamId: string,
  command: C,
): E[] => {
  const state = (streams.get(streamId) as S | undefined) ?? decider.initialState();
  const events = decider.decide(command, state);
  streams.set(streamId, foldEvents(decider, events, state));
  return events;
};

const streamOf = (step: RegistryDemoStep): string => {
  switch (step.aggregate) {
    case 'association':
      return associationStreamName(step.command.data.associationId);
    case 'actor':
      return actorStreamName(step.command.data.actorId);
    case 'network':
      return networkStreamName(step.command.data.networkId);
    case 'regionalNeed':
      return regionalNeedStreamName(step.command.data.needId);
  }
};

const apply = (step: RegistryDemoStep, streams: Streams): DomainEvent[] => {
  const streamId = streamOf(step);
  switch (step.aggregate) {
    case 'association':
      return decideAndFold(associationDecider, streams, streamId, step.command);
    case 'actor':
      return decideAndFold(actorDecider, streams, streamId, step.command);
    case 'network':
      return decideAndFold(networkDecider, streams, streamId, step.command);
    case 'regionalNeed':
      return decideAndFold(regionalNeedDecider, streams, streamId, step.command);
  }
};

const seed = (): Streams => {
  const streams: Streams = new Map();
  for (const step of registryDemoSteps(now)) apply(step, streams);
  return streams;
};

const association = (streams: Streams, id: string) => {
  const state = streams.get(associationStreamName(id)) as AssociationState | undefined;
  if (!state || state.status === 'none') throw new Error(`association ${id} not registered`);
  return state;
};
const actor = (streams: Streams, id: string) => {
  const state = streams.get(actorStreamName(id)) as ActorState | undefined;
  if (!state || state.status === 'none') throw new Error(`actor ${id} not registered`);
  return state;
};
const needs = (streams: Streams) =>
  Object.values(REGISTRY_DEMO_IDS.needs).map((id) => {
    const state = streams.get(regionalNeedStreamName(id)) as RegionalNeedState | undefined;
    if (!state || state.status === 'none') throw new Error(`need ${id} not published`);
    return state;
  });

const souss = { scheme: SCHEME_2015, code: 'MA-09' };
const associationIds = Object.values(REGISTRY_DEMO_IDS.associations) as string[];

describe('registry demo data', () => {
  it('applies every step in order, each producing at least one event', () => {
    const streams: Streams = new Map();
    const outcomes = registryDemoSteps(now).map((step) => {
      try {
        return { commandId: step.command.metadata.commandId, events: apply(step, streams).length };
      } catch (error) {
        return { commandId: step.command.metadata.commandId, error: String(error) };
      }
    });
    expect(outcomes.filter((o) => !('events' in o) || o.events === 0)).toEqual([]);
  });

  it('changes nothing when applied a second time, even at a later instant', () => {
    const streams = seed();
    const again = registryDemoSteps('2025-07-01T09:00:00.000Z').flatMap((step) => apply(step, streams));
    expect(again).toEqual([]);
  });

  it('issues every command as the seed actor at the given instant, with a unique stable command id', () => {
    const steps = registryDemoSteps(now);
    expect(steps.every((s) => s.command.metadata.now === now)).toBe(true);
    expect(steps.every((s) => s.command.metadata.actor.id === DEMO_SEED_ACTOR.id)).toBe(true);
    const commandIds = steps.map((s) => s.command.metadata.commandId);
    expect(new Set(commandIds).size).toBe(commandIds.length);
    expect(registryDemoSteps('2026-01-01T00:00:00.000Z').map((s) => s.command.metadata.commandId)).toEqual(
      commandIds,
    );
  });

  it('hands out copies: changing a returned command leaves the demo data as it was', () => {
    const [first] = registryDemoSteps(now);
    first.command.metadata.actor.roles.push('admin');
    (first.command.data as { actorId: string }).actorId = 'changed';
    const [again] = registryDemoSteps(now);
    expect(again.command.metadata.actor.roles).toEqual(['officer']);
    expect((again.command.data as { actorId: string }).actorId).not.toBe('changed');
    expect(DEMO_SEED_ACTOR.roles).toEqual(['officer']);
  });

  it('uses unique ids', () => {
    const ids = [
      ...associationIds,
      ...Object.values(REGISTRY_DEMO_IDS.actors),
      ...Object.values(REGISTRY_DEMO_IDS.networks),
      ...Object.values(REGISTRY_DEMO_IDS.needs),
      ...Object.values(REGISTRY_DEMO_IDS.contacts),
    ];
    expect(new Set(ids).size).toBe(ids.length);
    const crisByRegion = Object.values(REGISTRY_DEMO_IDS.crisByRegion);
    expect(new Set(crisByRegion).size).toBe(12);
    const subjectIds = REGISTRY_DEMO_CONTACTS.map((c) => c.subjectId);
    expect(new Set(subjectIds).size).toBe(subjectIds.length);
  });

  it('creates every record REGISTRY_DEMO_IDS names', () => {
    const streams = seed();
    for (const id of associationIds) association(streams, id);
    for (const id of [
      ...Object.values(REGISTRY_DEMO_IDS.actors),
      ...Object.values(REGISTRY_DEMO_IDS.crisByRegion),
    ]) {
      actor(streams, id);
    }
    expect(needs(streams)).toHaveLength(Object.keys(REGISTRY_DEMO_IDS.needs).length);
    for (const id of Object.values(REGISTRY_DEMO_IDS.networks)) {
      expect((streams.get(networkStreamName(id)) as NetworkState).status).toBe('active');
    }
  });

  it('verifies Migrations et Développement, from Souss-Massa, founded in Marseille in 1986', () => {
    const md = association(seed(), REGISTRY_DEMO_IDS.associations.migrationsEtDeveloppement);
    expect(md.status).toBe('verified');
    expect(md.profile.acronym).toBe('M&D');
    expect(md.profile.originRegions).toEqual([souss]);
    expect(md.profile.originProvinces.map((p) => p.code)).toEqual(['MA-TAR', 'MA-TIZ']);
    expect(md.profile.hostCities).toEqual([{ country: 'FR', name: 'Marseille' }]);
    expect(md.profile.foundedOn?.slice(0, 4)).toBe('1986');
    expect(md.profile.sectors).toEqual(expect.arrayContaining(['14030', '23630', '15190']));
  });

  it('verifies Alp Atlas, AMDAM (health) and the Figuig cooperatives (agriculture, L’Oriental)', () => {
    const s = seed();
    const ids = REGISTRY_DEMO_IDS.associations;
    for (const id of [ids.alpAtlas, ids.amdam, ids.cooperativesFiguig]) {
      expect(association(s, id).status).toBe('verified');
    }
    const amdam = association(s, ids.amdam);
    expect(amdam.profile.sectors.every((code) => findSector(code)?.category === 'health')).toBe(true);
    const figuig = association(s, ids.cooperativesFiguig);
    expect(figuig.profile.originRegions).toEqual([{ scheme: SCHEME_2015, code: 'MA-02' }]);
    expect(figuig.profile.originProvinces).toEqual([{ scheme: SCHEME_2015, code: 'MA-FIG' }]);
    expect(figuig.profile.sectors.map((code) => findSector(code)?.category)).toContain('agriculture');
  });

  it('leaves one association submitted for the officer to review', () => {
    const s = seed();
    const submitted = associationIds.filter((id) => association(s, id).status === 'submitted');
    expect(submitted).toEqual([REGISTRY_DEMO_IDS.associations.solidariteSoussBruxelles]);
  });

  it('registers the ministry, IOM, the EU, the four agencies, the Souss-Massa regional council and a CRI per region', () => {
    const s = seed();
    const ids = REGISTRY_DEMO_IDS.actors;
    expect(actor(s, ids.ministry).kind).toBe('ministry');
    expect(actor(s, ids.iom).kind).toBe('funder');
    expect(actor(s, ids.europeanUnion).kind).toBe('funder');
    for (const id of [
      ids.agenceDuNord,
      ids.agenceDuSud,
      ids.agenceDeLOriental,
      ids.agenceDeDeveloppementSocial,
    ]) {
      expect(actor(s, id).kind).toBe('development-agency');
    }
    for (const [region, id] of Object.entries(REGISTRY_DEMO_IDS.crisByRegion)) {
      const cri = actor(s, id);
      expect(cri.kind).toBe('regional-investment-centre');
      expect(cri.regions).toEqual([{ scheme: SCHEME_2015, code: region }]);
    }
    expect(actor(s, ids.regionalCouncilSoussMassa)).toMatchObject({
      kind: 'elected-council',
      regions: [souss],
    });
    expect(actor(s, ids.criSoussMassa).regions).toEqual([souss]);
    expect(actor(s, ids.criOriental).regions).toEqual([{ scheme: SCHEME_2015, code: 'MA-02' }]);
  });

  it('groups M&D and Alp Atlas in a network', () => {
    const network = seed().get(
      networkStreamName(REGISTRY_DEMO_IDS.networks.reseauAtlasMediterranee),
    ) as NetworkState;
    expect(network.status === 'active' && [...network.members].sort()).toEqual([
      REGISTRY_DEMO_IDS.associations.alpAtlas,
      REGISTRY_DEMO_IDS.associations.migrationsEtDeveloppement,
    ]);
  });

  it('has five open Souss-Massa needs by the CRI: water, electricity, income, roads, health', () => {
    const all = needs(seed());
    expect(all.every((n) => n.publisherId === REGISTRY_DEMO_IDS.actors.criSoussMassa)).toBe(true);
    expect(all.every((n) => n.region === 'MA-09')).toBe(true);
    expect(all.every((n) => n.estimatedBudget.currency === 'MAD' && n.estimatedBudget.amountMinor > 0)).toBe(
      true,
    );
    const open = all.filter((n) => n.status === 'open');
    expect(open).toHaveLength(5);
    expect(open.map((n) => findSector(n.sector)?.category).sort()).toEqual([
      'economy',
      'energy',
      'health',
      'transport',
      'water',
    ]);
  });

  it('matches one need to M&D', () => {
    const matched = needs(seed()).filter((n) => n.status === 'matched');
    expect(matched.map((n) => [n.needId, n.associationIds])).toEqual([
      [
        REGISTRY_DEMO_IDS.needs.electrificationTaroudant,
        [REGISTRY_DEMO_IDS.associations.migrationsEtDeveloppement],
      ],
    ]);
  });

  it('publishes needs with the kind and regions of the CRI as registered', () => {
    const s = seed();
    const cri = actor(s, REGISTRY_DEMO_IDS.actors.criSoussMassa);
    for (const step of registryDemoSteps(now)) {
      if (step.aggregate !== 'regionalNeed' || step.command.type !== 'PublishRegionalNeed') continue;
      expect(step.command.data.publisherKind).toBe(cri.kind);
      expect(step.command.data.publisherRegions).toEqual(cri.regions);
    }
  });

  describe('contact persons', () => {
    it('belong to demo associations, one per association', () => {
      expect(REGISTRY_DEMO_CONTACTS.map((c) => c.associationId).sort()).toEqual([...associationIds].sort());
    });

    it('each consent to be a registry contact, on a known legal basis', () => {
      for (const contact of REGISTRY_DEMO_CONTACTS) {
        expect(contact.consents.map((c) => c.purpose)).toContain('registry-contact');
        for (const consent of contact.consents) {
          expect(CONSENT_PURPOSES).toContain(consent.purpose);
          expect(LEGAL_BASES).toContain(consent.legalBasis);
        }
        expect(contact.card.fullName.trim()).not.toBe('');
      }
    });

    it('are accepted by the contact person decider once sealed', () => {
      const metadata = { commandId: 'test', actor: DEMO_SEED_ACTOR, now };
      for (const contact of REGISTRY_DEMO_CONTACTS) {
        const { subjectId, associationId, role } = contact;
        // Stands in for the seeder's cipher: the decider checks the shape, never opens it.
        const personalData = {
          subjectId,
          keyId: `key-${subjectId}`,
          ciphertext: Buffer.from(JSON.stringify(contact.card)).toString('base64'),
          iv: 'AAECAwQFBgcICQoL',
          tag: 'AAECAwQFBgcICQoLDA0ODw==',
        };
        const commands: ContactPersonCommand[] = [
          { type: 'AddContactPerson', data: { subjectId, associationId, role, personalData }, metadata },
          ...contact.consents.map((c): ContactPersonCommand => ({
            type: 'RecordConsent',
            data: { subjectId, ...c, decision: 'given' },
            metadata,
          })),
        ];
        let state = contactPersonDecider.initialState();
        for (const command of commands) {
          const events = contactPersonDecider.decide(command, state);
          expect(events.length).toBeGreaterThan(0);
          state = foldEvents(contactPersonDecider, events, state);
        }
      }
    });
  });
});
