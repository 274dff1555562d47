import { Alert, Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { FormEvent, useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { asProblem, Problem } from '../api/problem';
import { useStrings } from '../i18n/strings';
import { useSession } from './SessionProvider';
import { STRINGS } from './strings';

/** Only a path of this app: `?next=https://elsewhere` must not send a user who signed in away. */
export const safeNext = (next: string | null): string =>
  next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/office';

function problemText(problem: Problem, t: (key: string) => string): string {
  if (problem.status === 401) return t('signIn.wrong');
  if (problem.status === 429) return t('signIn.tooMany');
  if (problem.status === 0 || problem.status >= 500) return t('signIn.unavailable');
  return problem.detail ?? problem.title;
}

export function LoginPage() {
  const { t } = useStrings(STRINGS);
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);

  if (session.actor && !pending) return <Navigate to={next} replace />;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const form = new FormData(event.currentTarget);
    setPending(true);
    setProblem(null);
    try {
      await session.signIn(String(form.get('username') ?? '').trim(), String(form.get('password') ?? ''));
      void navigate(next, { replace: true });
    } catch (error) {
      setProblem(asProblem(error));
    } finally {
      setPending(false);
    }
  };

  return (
    <Stack maw={420} mx="auto" gap="md">
      <Title order={1}>{t('signIn.title')}</Title>
      <Text c="dimmed">{t('signIn.intro')}</Text>
      {session.expired && !problem && <Alert color="yellow">{t('signIn.expired')}</Alert>}
      <Paper withBorder p="md" component="form" onSubmit={(e: FormEvent<HTMLFormElement>) => void submit(e)}>
        <Stack gap="sm">
          {problem && (
            <Alert color="red" role="alert">
              {problemText(problem, t)}
            </Alert>
          )}
          <TextInput
            name="username"
            label={t('signIn.username')}
            autoComplete="username"
            required
            dir="ltr"
          />
          <PasswordInput
            name="password"
            label={t('signIn.password')}
            autoComplete="current-password"
            required
            dir="ltr"
          />
          <Button type="submit" loading={pending}>
            {t('signIn.submit')}
          </Button>
        </Stack>
      </Paper>
      <Text size="sm" c="dimmed">
        {t('signIn.demo')}
      </Text>
    </Stack>
  );
}
