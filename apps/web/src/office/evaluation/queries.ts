import { evaluationsControllerAssignments, evaluationsControllerDossier } from '../../api/generated';

// Query functions over the generated client (`throwOnError`: a problem is the query's error).

/** The evaluator's own assignments (the platform answers only theirs). */
export const assignmentsQuery = {
  queryKey: ['funding', 'assignments'] as const,
  queryFn: async () =>
    (await evaluationsControllerAssignments({ query: { pageSize: 100 }, throwOnError: true })).data,
};

/**
 * The dossier the evaluator opened: folded from the application's stream, so current right after
 * a command. It answers 409 before the dossier is opened and 404 once the evaluator left it.
 */
export const dossierQuery = (applicationId: string) => ({
  queryKey: ['funding', 'dossier', applicationId] as const,
  queryFn: async () =>
    (await evaluationsControllerDossier({ path: { applicationId }, throwOnError: true })).data,
  retry: false,
});
