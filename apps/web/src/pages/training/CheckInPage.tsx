import { Alert, Anchor, Loader, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { checkInControllerCheckIn } from '../../api/generated';
import { asProblem, Problem } from '../../api/problem';
import { useStrings } from '../../i18n/strings';
import { useSession } from '../../session/SessionProvider';
import { MY_LEARNING } from './SessionPage';
import { STRINGS } from './strings';
import {
  CheckInAnswer,
  checkInAnswerOf,
  codeOfFragment,
  isAccepted,
  PendingCheckIn,
  readPendingCheckIn,
  writePendingCheckIn,
} from './training-format';

export const CHECK_IN_PATH = '/training/check-in';

/**
 * The page a trainee's phone opens from the trainer's QR code (`/training/check-in#code=…`). The
 * code is kept in sessionStorage (the #fragment does not survive the sign-in's ?next=), sent once,
 * and the API's answer kept with it: a reload shows that answer again instead of sending the code
 * again. A new scan (the address with its #code) sends it again, and the API then says whether
 * the attendance was already recorded.
 */
export function CheckInPage() {
  const { t } = useStrings(STRINGS);
  const location = useLocation();
  const navigate = useNavigate();
  const { actor, hasRole } = useSession();
  const [pending, setPending] = useState<PendingCheckIn | null>(() => {
    const scanned = codeOfFragment(location.hash);
    if (scanned) {
      // A scan: a new attempt, whatever was answered before.
      writePendingCheckIn(window.sessionStorage, { code: scanned });
      return { code: scanned };
    }
    return readPendingCheckIn(window.sessionStorage);
  });
  const [detail, setDetail] = useState<string | undefined>();
  /** The code sent by this page's life, so that it goes once (React may run an effect twice). */
  const sent = useRef<string | null>(null);

  // A scan while the page is open (the same address, a new #code): a new attempt too. The first
  // address's fragment was read above, when the page opened.
  const handledHash = useRef(location.hash);
  useEffect(() => {
    if (!location.hash || handledHash.current === location.hash) return;
    handledHash.current = location.hash;
    const scanned = codeOfFragment(location.hash);
    if (!scanned) return;
    writePendingCheckIn(window.sessionStorage, { code: scanned });
    sent.current = null;
    setPending({ code: scanned });
  }, [location.hash]);

  // The code leaves the address at once: a reload or a shared link does not carry it.
  useEffect(() => {
    if (location.hash) void navigate(CHECK_IN_PATH, { replace: true });
  }, [location.hash, navigate]);

  const mayCheckIn = actor !== null && hasRole('trainee');
  useEffect(() => {
    if (!pending || pending.answer || !mayCheckIn || sent.current === pending.code) return;
    sent.current = pending.code;
    const code = pending.code;
    const answered = (answer: CheckInAnswer, problem?: Problem) => {
      // A session that ended (401) keeps the code unanswered: it is sent once signed in again.
      const kept = answer === 'signIn' ? { code } : { code, answer };
      writePendingCheckIn(window.sessionStorage, kept);
      setDetail(problem?.detail ?? problem?.title);
      setPending(kept);
    };
    checkInControllerCheckIn({ body: { code }, throwOnError: true }).then(
      (reply) => answered(checkInAnswerOf({ accepted: reply.data })),
      (error: unknown) => {
        const problem = asProblem(error);
        answered(checkInAnswerOf({ problem }), problem);
      },
    );
  }, [pending, mayCheckIn]);

  const title = <Title order={1}>{t('checkIn.title')}</Title>;
  // Until the code has left the address (the effect above): one navigation at a time.
  if (location.hash)
    return (
      <Stack gap="sm">
        {title}
        <Loader aria-label={t('checkIn.sending')} />
      </Stack>
    );
  if (!pending)
    return (
      <Stack gap="sm">
        {title}
        <Text>{t('checkIn.intro')}</Text>
        <Alert color="gray" role="status" title={t('checkIn.noCode')} />
      </Stack>
    );
  if (!actor) return <Navigate to={`/login?next=${encodeURIComponent(CHECK_IN_PATH)}`} replace />;
  if (!hasRole('trainee'))
    return (
      <Stack gap="sm">
        {title}
        <Alert color="red" role="alert" title={t('checkIn.notTrainee')} />
      </Stack>
    );
  if (!pending.answer)
    return (
      <Stack gap="sm">
        {title}
        <Loader aria-label={t('checkIn.sending')} />
        <Text>{t('checkIn.sending')}</Text>
      </Stack>
    );
  const accepted = isAccepted(pending.answer);
  // Already recorded: nothing changed, and nothing is wrong either.
  const already = pending.answer === 'alreadyMarked';
  return (
    <Stack gap="sm">
      {title}
      <Alert
        color={accepted ? 'teal' : already ? 'blue' : 'red'}
        role={accepted || already ? 'status' : 'alert'}
        variant="outline"
        title={
          accepted
            ? t('checkIn.acceptedTitle')
            : already
              ? t('checkIn.alreadyTitle')
              : t('checkIn.refusedTitle')
        }
        styles={{ title: { color: 'var(--mantine-color-text)', fontSize: 'var(--mantine-font-size-lg)' } }}
        data-answer={pending.answer}
      >
        <Text>{t(`checkIn.answers.${pending.answer}`, { detail: detail ?? '' })}</Text>
      </Alert>
      {pending.answer === 'signIn' ? (
        <Anchor component={Link} to={`/login?next=${encodeURIComponent(CHECK_IN_PATH)}`}>
          {t('checkIn.signIn')}
        </Anchor>
      ) : (
        <Anchor component={Link} to={MY_LEARNING}>
          {t('session.enrol.mine')}
        </Anchor>
      )}
    </Stack>
  );
}
