import { Anchor, Image, Loader, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { asProblem, type Problem } from '../../../api/problem';
import { textField, type ApiRecord } from '../../../api/record-fields';
import { useFormatters } from '../../../format/use-formatters';
import { useStrings } from '../../../i18n/strings';
import { STRINGS as OFFICE_STRINGS } from '../../strings';
import { Notice } from '../../forms/Notice';
import { absoluteCheckInUrl, refreshDelay, secondsLeft } from '../check-in-rotation';
import { fetchCheckInCode } from '../queries';
import { STRINGS } from '../strings';

type Shown = { code: string; url: string; validUntil: string };

/**
 * A sitting's self check-in QR, for the trainer's screen: the code of the current step, drawn as a
 * QR of the trainee's check-in page, a countdown to its end, and the next code asked for as the
 * step ends (check-in-rotation.ts). Nothing is asked while the page is hidden nor once it is left;
 * coming back asks at once. Outside the sitting's window the platform refuses (409) and the screen
 * says when the window opens and closes; before it opens, it asks again then.
 */
export function CheckInQr(props: { sessionId: string; sittingId: string }) {
  const { t } = useStrings(STRINGS);
  const { t: tOffice } = useStrings(OFFICE_STRINGS);
  const format = useFormatters();
  const [shown, setShown] = useState<Shown | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [image, setImage] = useState<string | null>(null);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const schedule = (delay: number) => {
      clearTimeout(timer);
      timer = setTimeout(() => void load(), delay);
    };
    const load = async () => {
      if (stopped || document.hidden) return;
      try {
        const data = (await fetchCheckInCode(props.sessionId, props.sittingId)) as ApiRecord;
        if (stopped) return;
        const code = textField(data, 'code') ?? '';
        const validUntil = textField(data, 'validUntil') ?? new Date().toISOString();
        const url = absoluteCheckInUrl(textField(data, 'checkInUrl') ?? '', window.location.origin);
        setShown({ code, url, validUntil });
        setProblem(null);
        schedule(refreshDelay(validUntil, Date.now()));
      } catch (error) {
        if (stopped) return;
        const answered = asProblem(error);
        setShown(null);
        setProblem(answered);
        const opensAt = typeof answered['opensAt'] === 'string' ? answered['opensAt'] : undefined;
        if (answered.code === 'CHECK_IN_WINDOW_CLOSED' && opensAt && Date.parse(opensAt) > Date.now())
          schedule(refreshDelay(opensAt, Date.now()));
        else if (answered.status === 0 || answered.status >= 500 || answered.status === 429) schedule(5_000);
      }
    };
    const onVisibility = () => {
      if (document.hidden) clearTimeout(timer);
      else void load();
    };
    document.addEventListener('visibilitychange', onVisibility);
    void load();
    return () => {
      stopped = true;
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [props.sessionId, props.sittingId]);

  useEffect(() => {
    if (!shown) return;
    setNow(Date.now());
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, [shown]);

  useEffect(() => {
    if (!shown) return;
    let current = true;
    // qrcode is loaded with the first QR drawn, not with the page.
    void import('qrcode')
      .then((qr) => qr.toDataURL(shown.url, { margin: 2, width: 320, errorCorrectionLevel: 'M' }))
      .then((dataUrl) => current && setImage(dataUrl));
    return () => {
      current = false;
    };
  }, [shown]);

  if (problem) {
    const opensAt = typeof problem['opensAt'] === 'string' ? problem['opensAt'] : undefined;
    const closesAt = typeof problem['closesAt'] === 'string' ? problem['closesAt'] : undefined;
    return (
      <Notice tone="danger" role="alert" title={t('qr.unavailable')}>
        <Text size="sm">
          {problem.code === 'CHECK_IN_WINDOW_CLOSED' && opensAt && closesAt
            ? t('qr.windowClosed', { opensAt: format.dateTime(opensAt), closesAt: format.dateTime(closesAt) })
            : (problem.detail ?? problem.title)}
        </Text>
      </Notice>
    );
  }
  if (!shown) return <Loader aria-label={tOffice('form.loading')} />;
  return (
    <Stack gap="xs" align="start">
      {image ? (
        <Image src={image} alt={t('qr.alt')} w={320} h={320} data-code={shown.code} />
      ) : (
        <Loader aria-label={tOffice('form.loading')} />
      )}
      <Text size="lg" fw={700} aria-live="off">
        {t('qr.countdown', { seconds: format.count(secondsLeft(shown.validUntil, now)) })}
      </Text>
      <Text size="sm">{t('qr.help')}</Text>
      <Anchor href={shown.url} target="_blank" rel="noreferrer" size="sm">
        {t('qr.open')}
      </Anchor>
    </Stack>
  );
}
