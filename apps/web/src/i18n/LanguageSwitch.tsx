import { Group, SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Digits, isDigits, isLanguage, LANGUAGES } from './languages';
import { usePreferences } from './PreferencesProvider';

/** The language (ar, fr, en) and, in Arabic, the digits. Each language is named in itself. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const { language, digits, setLanguage, setDigits } = usePreferences();
  return (
    <Group gap="xs" wrap="nowrap">
      <SegmentedControl
        aria-label={t('preferences.language')}
        size="xs"
        value={language}
        onChange={(value) => isLanguage(value) && setLanguage(value)}
        data={LANGUAGES.map((code) => ({ value: code, label: t(`languages.${code}`) }))}
      />
      {language === 'ar' && (
        <SegmentedControl
          aria-label={t('preferences.digits')}
          size="xs"
          value={digits}
          onChange={(value) => isDigits(value) && setDigits(value as Digits)}
          data={[
            { value: 'arab', label: t('preferences.digitsArab') },
            { value: 'latn', label: t('preferences.digitsLatn') },
          ]}
        />
      )}
    </Group>
  );
}
