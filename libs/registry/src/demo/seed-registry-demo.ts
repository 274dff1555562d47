import { RegistryCommands } from '../application/registry-commands';
import { RegistryPersonalData } from '../application/registry-ports';
import {
  DEMO_SEED_ACTOR,
  REGISTRY_DEMO_CONTACTS,
  registryDemoSteps,
  RegistryDemoStep,
} from './registry-demo-data';

const idOf = (step: RegistryDemoStep): string => {
  const data = step.command.data as Record<string, string>;
  switch (step.aggregate) {
    case 'association':
      return data['associationId'];
    case 'actor':
      return data['actorId'];
    case 'network':
      return data['networkId'];
    case 'regionalNeed':
      return data['needId'];
  }
};

export interface SeedReport {
  commands: number;
  events: number;
}

/**
 * Applies the Registry demo through the same command handling as the API, contact cards sealed
 * with each person's key. Command ids are the demo's own, so a repeated run appends nothing for
 * the steps; contact persons are sealed anew each run, so the caller seeds an empty log only.
 */
export async function seedRegistryDemo(
  commands: RegistryCommands,
  personalData: RegistryPersonalData,
  now: string = new Date().toISOString(),
): Promise<SeedReport> {
  const report: SeedReport = { commands: 0, events: 0 };
  const count = (outcome: { events: string[] }) => {
    report.commands += 1;
    report.events += outcome.events.length;
  };
  for (const step of registryDemoSteps(now)) {
    const { type, data, metadata } = step.command;
    count(
      await commands.execute(step.aggregate, idOf(step), { type, data } as never, metadata.actor, {
        commandId: metadata.commandId,
        now,
      }),
    );
  }
  for (const contact of REGISTRY_DEMO_CONTACTS) {
    const { subjectId, associationId, role } = contact;
    const personalDataSealed = await personalData.seal(subjectId, contact.card);
    count(
      await commands.execute(
        'contactPerson',
        subjectId,
        {
          type: 'AddContactPerson',
          data: { subjectId, associationId, role, personalData: personalDataSealed },
        },
        DEMO_SEED_ACTOR,
        { commandId: `demo:registry:AddContactPerson:${subjectId}`, now },
      ),
    );
    for (const consent of contact.consents) {
      count(
        await commands.execute(
          'contactPerson',
          subjectId,
          { type: 'RecordConsent', data: { subjectId, ...consent, decision: 'given' } },
          DEMO_SEED_ACTOR,
          {
            commandId: `demo:registry:RecordConsent:${subjectId}:${consent.purpose}:${consent.legalBasis}`,
            now,
          },
        ),
      );
    }
  }
  return report;
}
