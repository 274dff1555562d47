import { Actor, ProblemException } from '@tadamon/nest-kit';
import { ContactEntry, RecipientDirectory } from '../application/notifications-ports';
import { recipientOrganisation } from './recipient-access';

const MD = 'assoc-md';
const contacts: ContactEntry[] = [
  { subjectId: 'person-md-president', organisationId: MD, status: 'active', consented: true },
  { subjectId: 'person-md-treasurer', organisationId: MD, status: 'active', consented: true },
];
/** The one port member recipientOrganisation reads; the others are not called. */
const directory = {
  contact: async (subjectId: string) => contacts.find((c) => c.subjectId === subjectId),
} as RecipientDirectory;

const whose = (actor: Actor, recipientId: string) => recipientOrganisation(actor, recipientId, directory);
const notFound = expect.objectContaining({ kind: 'not-found' }) as ProblemException;

describe('whose notification preferences an account may read and set', () => {
  const trainee: Actor = {
    id: 'user-trainee',
    roles: ['trainee'],
    organisationId: MD,
    personId: 'person-md-president',
  };
  const association: Actor = { id: 'user-association', roles: ['association'], organisationId: MD };

  it("lets a trainee reach its own account's and its person's, with the organisation recorded", async () => {
    await expect(whose(trainee, 'user-trainee')).resolves.toBe(MD);
    await expect(whose(trainee, 'person-md-president')).resolves.toBe(MD);
  });

  it("keeps a trainee from its organisation's and its organisation's other people's", async () => {
    await expect(whose(trainee, MD)).rejects.toEqual(notFound);
    await expect(whose(trainee, 'person-md-treasurer')).rejects.toEqual(notFound);
  });

  it("still lets the association's account reach the organisation's and every contact person's", async () => {
    await expect(whose(association, MD)).resolves.toBe(MD);
    await expect(whose(association, 'person-md-president')).resolves.toBe(MD);
    await expect(whose(association, 'person-md-treasurer')).resolves.toBe(MD);
  });

  it('lets a trainer reach its own only', async () => {
    const trainer: Actor = { id: 'user-trainer', roles: ['trainer'] };
    await expect(whose(trainer, 'user-trainer')).resolves.toBeNull();
    await expect(whose(trainer, 'person-md-president')).rejects.toEqual(notFound);
  });
});
