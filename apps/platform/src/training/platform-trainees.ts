import { PersonalDataCipher } from '@tadamon/personal-data';
import { DocumentStore } from '@tadamon/read-store';
import {
  ASSOCIATION_DIRECTORY,
  AssociationDirectoryDoc,
  CONTACT_PERSONS,
  ContactPersonDoc,
} from '@tadamon/registry';
import { openContactCard } from '../registry/contact-cards';
import { TraineeCard, TraineeDirectory, TraineeStanding } from '@tadamon/training';

/**
 * The embedded platform's trainees: the Registry's contact persons and associations, read from the
 * Registry's read models in the same process. A card is opened with the person's key only to sign a
 * certificate; an erased person's key is gone, and so is their name.
 */
export class PlatformTrainees implements TraineeDirectory {
  constructor(
    private readonly registry: DocumentStore,
    private readonly personalData: PersonalDataCipher,
  ) {}

  async standing(traineeId: string): Promise<TraineeStanding | undefined> {
    const contact = await this.registry.collection<ContactPersonDoc>(CONTACT_PERSONS).get(traineeId);
    if (!contact) return undefined;
    const association = await this.registry
      .collection<AssociationDirectoryDoc>(ASSOCIATION_DIRECTORY)
      .get(contact.associationId);
    return {
      traineeId,
      associationId: contact.associationId,
      associationVerified: association?.status === 'verified',
      contactActive: contact.status === 'active',
    };
  }

  async openCard(traineeId: string): Promise<TraineeCard | 'erased' | undefined> {
    const opened = await openContactCard(this.registry, this.personalData, traineeId);
    return typeof opened === 'object' ? opened.card : opened;
  }

  async associationNames(associationId: string) {
    const doc = await this.registry
      .collection<AssociationDirectoryDoc>(ASSOCIATION_DIRECTORY)
      .get(associationId);
    return doc?.names;
  }
}
