import { DoneNotice } from '../forms/DoneNotice';
import { Alert, Anchor, Badge, Group, Loader, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { localizedField, recordField, recordListField, textField } from '../../api/record-fields';
import { usePreferences } from '../../i18n/PreferencesProvider';
import { useStrings } from '../../i18n/strings';
import { STRINGS as OFFICE_STRINGS } from '../strings';
import { DeclarationForm } from './DeclarationForm';
import { dossierCriteria, DossierDetails } from './DossierDetails';
import { EvaluationSteps } from './EvaluationSteps';
import { MyScores } from './MyScores';
import { EvaluationStep, furthestStep, nextStep } from './next-step';
import { OpenDossierPanel } from './OpenDossierPanel';
import { assignmentsQuery, dossierQuery } from './queries';
import { ScoreSheetForm } from './ScoreSheetForm';
import { STRINGS } from './strings';

/**
 * One dossier, step by step: the declaration first, then opening the dossier, then the score
 * sheet; a declared conflict ends the evaluator's part here.
 */
export function AssignmentPage() {
  const { t } = useStrings(STRINGS);
  const { t: tOffice } = useStrings(OFFICE_STRINGS);
  const { language } = usePreferences();
  const applicationId = useParams()['applicationId'] ?? '';
  const assignments = useQuery(assignmentsQuery);
  const [reached, setReached] = useState<EvaluationStep | null>(null);
  const [justScored, setJustScored] = useState(false);
  const item = assignments.data?.items.find((i) => textField(i, 'applicationId') === applicationId);
  const step = item ? furthestStep(nextStep(item), reached) : null;
  const dossierOpen = step === 'score' || step === 'done';
  const dossier = useQuery({ ...dossierQuery(applicationId), enabled: dossierOpen });

  const back = (
    <Anchor component={Link} to="/office/evaluation" size="sm">
      {t('back')}
    </Anchor>
  );
  if (assignments.isPending) return <Loader aria-label={tOffice('form.loading')} />;
  if (assignments.isError || !item || !step)
    return (
      <Stack gap="sm">
        {back}
        <Title order={1}>{t('assignments.title')}</Title>
        <Alert color="red" title={assignments.isError ? tOffice('form.loadError') : t('notFound')} />
      </Stack>
    );

  const title = localizedField(item, 'title', language) ?? applicationId;
  const status = textField(item, 'applicationStatus');
  const scores = dossier.data ? recordListField(recordField(dossier.data, 'evaluator') ?? {}, 'scores') : [];
  const scored = scores.length > 0;
  const shownStep: EvaluationStep = dossierOpen ? (scored ? 'done' : 'score') : step;
  return (
    <Stack gap="lg">
      <div>
        {back}
        <Group gap="sm">
          <Title order={1}>{title}</Title>
          {status && <Badge variant="outline">{t(`status.${status}`, { defaultValue: status })}</Badge>}
        </Group>
      </div>
      {shownStep === 'conflict' || shownStep === 'removed' ? (
        <Alert
          variant="filled"
          color="gray.7"
          role="status"
          title={t(shownStep === 'conflict' ? 'conflict.title' : 'steps.removed')}
        >
          {t(shownStep === 'conflict' ? 'conflict.detail' : 'conflict.removed')}
        </Alert>
      ) : (
        <>
          <EvaluationSteps step={shownStep} />
          {shownStep === 'declare' && (
            <DeclarationForm
              applicationId={applicationId}
              onDeclared={(hasConflict) => setReached(hasConflict ? 'conflict' : 'open')}
            />
          )}
          {shownStep === 'open' && (
            <>
              <DoneNotice message={t('declaration.done')} />
              <OpenDossierPanel applicationId={applicationId} onOpened={() => setReached('score')} />
            </>
          )}
          {dossierOpen &&
            (dossier.isPending ? (
              <Loader aria-label={tOffice('form.loading')} />
            ) : dossier.isError ? (
              <Alert color="red" title={tOffice('form.loadError')} />
            ) : (
              <>
                <DossierDetails dossier={dossier.data} />
                {scored ? (
                  <>
                    {justScored && <DoneNotice message={t('sheet.done')} />}
                    <MyScores scores={scores} criteria={dossierCriteria(dossier.data)} />
                  </>
                ) : (
                  <ScoreSheetForm
                    applicationId={applicationId}
                    criteria={dossierCriteria(dossier.data)}
                    onScored={() => setJustScored(true)}
                  />
                )}
              </>
            ))}
        </>
      )}
    </Stack>
  );
}
