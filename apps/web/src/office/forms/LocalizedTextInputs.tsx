import { Fieldset, Stack, Text, Textarea, TextInput } from '@mantine/core';
import type { Language } from '../../i18n/languages';
import { useStrings } from '../../i18n/strings';
import { STRINGS } from '../strings';

export type LocalizedTextValue = Partial<Record<Language, string>>;

/** The pointers a LocalizedTextInputs at `pointer` shows errors for (for CommandAlert's `claimed`). */
export const localizedPointers = (pointer: string) => [
  pointer,
  `${pointer}/fr`,
  `${pointer}/ar`,
  `${pointer}/en`,
];

/** Blank languages dropped, as the platform wants them (French required, Arabic and English optional). */
export const localizedBody = (value: LocalizedTextValue): { fr: string; ar?: string; en?: string } => ({
  fr: value.fr?.trim() ?? '',
  ...(value.ar?.trim() && { ar: value.ar.trim() }),
  ...(value.en?.trim() && { en: value.en.trim() }),
});

/**
 * A text the ministry publishes in three languages: French (required), Arabic (typed right to
 * left whatever the page's direction) and English. Each input shows the platform's error for its
 * own pointer (`/title/fr`).
 */
export function LocalizedTextInputs(props: {
  legend: string;
  value: LocalizedTextValue;
  onChange(value: LocalizedTextValue): void;
  error(pointer: string): string | undefined;
  pointer: string;
  multiline?: boolean;
  maxLength?: number;
}) {
  const { t } = useStrings(STRINGS);
  const field = (language: Language) => {
    const common = {
      label: t(`form.languages.${language}`),
      lang: language,
      dir: language === 'ar' ? 'rtl' : 'ltr',
      required: language === 'fr',
      maxLength: props.maxLength ?? (props.multiline ? 5000 : 200),
      value: props.value[language] ?? '',
      onChange: (event: { currentTarget: { value: string } }) =>
        props.onChange({ ...props.value, [language]: event.currentTarget.value }),
      error: props.error(`${props.pointer}/${language}`),
    };
    return props.multiline ? (
      <Textarea key={language} autosize minRows={2} {...common} />
    ) : (
      <TextInput key={language} {...common} />
    );
  };
  return (
    <Fieldset legend={props.legend} variant="filled">
      <Stack gap="xs">
        {props.error(props.pointer) && (
          <Text size="sm" c="red.8" role="alert">
            {props.error(props.pointer)}
          </Text>
        )}
        {(['fr', 'ar', 'en'] as const).map(field)}
      </Stack>
    </Fieldset>
  );
}
