import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useTranslation } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../test/render-app';
import { formatCount } from '../format/numbers';
import { LanguageSwitch } from './LanguageSwitch';
import { DIGITS_KEY, LANGUAGE_KEY } from './preferences';
import { usePreferences } from './PreferencesProvider';

function Page() {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  return (
    <main>
      <h1>{t('home.title')}</h1>
      <p data-testid="count">{formatCount(1234, locale)}</p>
      <LanguageSwitch />
    </main>
  );
}

const html = () => ({ dir: document.documentElement.dir, lang: document.documentElement.lang });

describe('the language switch', () => {
  it('turns the page to Arabic, right to left, and remembers the choice', async () => {
    renderWithProviders(<Page />, ['fr-FR']);
    expect(html()).toEqual({ dir: 'ltr', lang: 'fr' });
    expect(screen.getByRole('heading').textContent).toBe('Le programme en chiffres');

    await userEvent.click(screen.getByLabelText('العربية'));

    expect(html()).toEqual({ dir: 'rtl', lang: 'ar' });
    expect(screen.getByRole('heading').textContent).toBe('البرنامج بالأرقام');
    expect(window.localStorage.getItem(LANGUAGE_KEY)).toBe('ar');
  });

  it('lets an Arabic reader choose Latin digits, and only an Arabic reader', async () => {
    renderWithProviders(<Page />, ['ar-MA']);
    expect(screen.getByTestId('count').textContent).toBe('١٬٢٣٤');

    await userEvent.click(screen.getByLabelText('012'));
    expect(screen.getByTestId('count').textContent).toBe('1.234');
    expect(window.localStorage.getItem(DIGITS_KEY)).toBe('latn');

    await userEvent.click(screen.getByLabelText('English'));
    expect(html()).toEqual({ dir: 'ltr', lang: 'en' });
    expect(screen.queryByLabelText('012')).toBeNull();
    expect(screen.getByTestId('count').textContent).toBe('1,234');
  });

  it('starts in the language chosen last, whatever the browser prefers', () => {
    window.localStorage.setItem(LANGUAGE_KEY, 'ar');
    renderWithProviders(<Page />, ['en-US']);
    expect(html()).toEqual({ dir: 'rtl', lang: 'ar' });
    expect(screen.getByRole('heading').textContent).toBe('البرنامج بالأرقام');
  });
});
