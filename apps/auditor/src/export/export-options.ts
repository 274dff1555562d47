import { OptionSpec } from '../cli/command-line';
import { AS_OF_OPTION } from '../replay/replay-options';
import { STORE_OPTIONS } from '../store/event-store-location';

export const DOSSIER_FORMATS = ['json', 'html'] as const;
export type DossierFormat = (typeof DOSSIER_FORMATS)[number];
export { DOSSIER_LANGUAGES, type DossierLanguage } from '@tadamon/audit';

export const EXPORT_OPTIONS: OptionSpec[] = [
  {
    name: 'format',
    value: 'json|html',
    description: 'the dossier as JSON, or as a print-ready HTML page (required)',
  },
  AS_OF_OPTION,
  { name: 'out', value: 'FILE', description: 'write the dossier to FILE (default: stdout)' },
  {
    name: 'lang',
    value: 'ar|fr|en',
    description: 'the language of the HTML dossier: labels, and the localized texts shown (default fr)',
  },
  ...STORE_OPTIONS,
  {
    name: 'public-key',
    value: 'FILE|KEY',
    description:
      "the sealer's public key, to check the covering seal's signature (default: TADAMON_SEAL_PUBLIC_KEY, else DATA_DIR/seal-key.pub if present)",
  },
];
