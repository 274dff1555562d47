import { Anchor, Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { localizedField, textField } from '../../../api/record-fields';
import { asProblem } from '../../../api/problem';
import { usePreferences } from '../../../i18n/PreferencesProvider';
import { useStrings } from '../../../i18n/strings';
import { useSession } from '../../../session/SessionProvider';
import { IatiStatus } from '../components/IatiStatus';
import { ProjectActions } from '../components/ProjectActions';
import { ProjectDetails } from '../components/ProjectDetails';
import { ProjectDocuments } from '../components/ProjectDocuments';
import { ProjectMoney } from '../components/ProjectMoney';
import { ProjectTimeline } from '../components/ProjectTimeline';
import { ResultsFramework } from '../components/ResultsFramework';
import { isProjectStatus } from '../project-status';
import { projectQuery } from '../queries';
import { STRINGS } from '../strings';

/** One project: what it is, its money, milestones and history, its results; the officer's actions on it. */
export function ProjectPage() {
  const { t } = useStrings(STRINGS);
  const { language } = usePreferences();
  const { hasRole } = useSession();
  const projectId = useParams().projectId ?? '';
  const project = useQuery(projectQuery(projectId));

  if (project.isPending) return <Text>{t('loading')}</Text>;
  if (project.isError)
    return (
      <Stack gap="sm">
        <Title order={1}>{t('project.notFound')}</Title>
        <Text>{asProblem(project.error).status === 404 ? t('project.notFoundDetail') : t('loadFailed')}</Text>
        <Anchor component={Link} to="/office/projects">
          {t('project.back')}
        </Anchor>
      </Stack>
    );

  const { record, revision } = project.data;
  const status = textField(record, 'status') ?? '';
  const isPublic = textField(record, 'visibility') === 'public';
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/office/projects">
        {t('project.back')}
      </Anchor>
      <Stack gap={4}>
        <Title order={1}>{localizedField(record, 'title', language) ?? projectId}</Title>
        <Group gap="xs">
          <Badge variant="filled" color="blue.9">
            {isProjectStatus(status) ? t(`status.${status}`) : status}
          </Badge>
          <Badge variant="outline" color={isPublic ? 'teal.9' : 'gray.9'}>
            {t(isPublic ? 'visibility.public' : 'visibility.internal')}
          </Badge>
        </Group>
      </Stack>
      <ProjectDetails record={record} />
      <ProjectMoney record={record} />
      <ProjectTimeline record={record} projectId={projectId} revision={revision} />
      {hasRole('officer') && <ProjectActions record={record} projectId={projectId} revision={revision} />}
      <ProjectDocuments projectId={projectId} />
      {hasRole('officer', 'auditor', 'admin') && <IatiStatus projectId={projectId} />}
      <ResultsFramework projectId={projectId} carrierId={textField(record, 'carrierId')} />
    </Stack>
  );
}
