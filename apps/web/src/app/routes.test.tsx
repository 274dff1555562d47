import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderRoute } from '../test/render-app';

describe('the routes', () => {
  it('answer an unknown address with the not-found page, in the reader’s language, inside the shell', async () => {
    renderRoute('/nowhere/at-all', ['ar']);
    expect(await screen.findByRole('heading', { level: 1, name: 'الصفحة غير موجودة' })).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'التنقل الرئيسي' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'العودة إلى الرئيسية' }).getAttribute('href')).toBe('/');
  });
});

describe('the navigation', () => {
  it('leads a French reader to every page of the public portal', async () => {
    renderRoute('/nowhere', ['fr-FR']);
    const nav = within(await screen.findByRole('navigation', { name: 'Navigation principale' }));
    expect(nav.getAllByRole('link').map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['Accueil', '/'],
      ['Carte', '/map'],
      ['Associations', '/associations'],
      ['Besoins régionaux', '/needs'],
      ['Appels à projets', '/calls'],
      ['Projets', '/projects'],
      ['Formation', '/training'],
    ]);
  });
});
