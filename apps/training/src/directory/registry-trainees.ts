import { PostgresRegistryPeople } from '@tadamon/registry-people';
import { TraineeCard, TraineeDirectory, TraineeStanding } from '@tadamon/training';

const LANGUAGES: readonly string[] = ['ar', 'fr', 'en'];

/**
 * Training's trainees in the distributed profile: the Registry's contact persons as the directory
 * its consumer keeps from the Registry's topics (libs/registry-people). An association the public
 * topic has not called verified (or has since suspended, rejected, dissolved or merged) is not; a
 * card is opened with the person's key only to put their name on a certificate.
 */
export class RegistryTrainees implements TraineeDirectory {
  constructor(private readonly people: PostgresRegistryPeople) {}

  async standing(traineeId: string): Promise<TraineeStanding | undefined> {
    const person = await this.people.person(traineeId);
    if (!person) return undefined;
    const association = await this.people.associationStanding(person.associationId);
    return {
      traineeId,
      associationId: person.associationId,
      associationVerified: association?.verified ?? false,
      contactActive: person.status === 'active',
    };
  }

  async openCard(traineeId: string): Promise<TraineeCard | 'erased' | undefined> {
    const card = await this.people.openCard(traineeId);
    if (card === undefined || card === 'erased') return card;
    const language = card['preferredLanguage'];
    return {
      fullName: String(card['fullName'] ?? ''),
      email: typeof card['email'] === 'string' ? card['email'] : null,
      language:
        typeof language === 'string' && LANGUAGES.includes(language)
          ? (language as TraineeCard['language'])
          : null,
    };
  }

  associationNames(associationId: string) {
    return this.people.organisationNames(associationId);
  }
}
