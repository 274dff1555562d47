import { fireEvent, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../../test/render-app';
import fr from '../i18n/fr.json';
import type { DocumentRow } from '../proposal-form';
import { DocumentsInput } from './DocumentsInput';

function Documents(props: { errors?: Record<string, string> }) {
  const [value, setValue] = useState<DocumentRow[]>([]);
  return (
    <DocumentsInput
      value={value}
      onChange={setValue}
      error={(pointer) => props.errors?.[pointer]}
      pointer="/proposal/documents"
    />
  );
}

/** jsdom's File has no arrayBuffer(): the bytes the browser would read. */
const fileOf = (text: string, name: string) => {
  const bytes = new TextEncoder().encode(text);
  const file = new File([bytes], name, { type: 'application/pdf' });
  Object.defineProperty(file, 'arrayBuffer', { value: async () => bytes.buffer });
  return file;
};

describe('the documents of an application', () => {
  it('says the files stay on the computer, and fingerprints the chosen file, naming the document after it', async () => {
    renderWithProviders(<Documents />);
    expect(screen.getByText(fr.documents.notUploaded)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: fr.documents.add }));
    fireEvent.change(screen.getByLabelText(fr.documents.file), {
      target: { files: [fileOf('abc', 'budget.pdf')] },
    });
    await waitFor(() =>
      expect((screen.getByLabelText(fr.documents.sha256) as HTMLInputElement).value).toBe(
        'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
      ),
    );
    expect((screen.getByLabelText(fr.documents.name, { exact: false }) as HTMLInputElement).value).toBe(
      'budget.pdf',
    );
  });

  it('shows the platform’s error under the field of its row', () => {
    renderWithProviders(<Documents errors={{ '/proposal/documents/0/name': 'Nom trop long.' }} />);
    fireEvent.click(screen.getByRole('button', { name: fr.documents.add }));
    const name = screen.getByLabelText(fr.documents.name, { exact: false });
    const described = (name.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
    expect(described.map((id) => document.getElementById(id)?.textContent).join(' ')).toContain(
      'Nom trop long.',
    );
  });
});
