import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ParsedArguments, UsageError } from '../cli/command-line';
import { parseAsOf } from '../replay/as-of';
import { applicationIdArgument, withStore } from '../replay/replay-command';
import { CommandIo, findSealPublicKey } from '../verify/verify-command';
import { buildDossier, dossierHtml, replayApplication } from '@tadamon/audit';
import { DOSSIER_FORMATS, DOSSIER_LANGUAGES, DossierFormat, DossierLanguage } from './export-options';

function oneOf<T extends string>(
  option: string,
  value: string | undefined,
  allowed: readonly T[],
  fallback?: T,
): T {
  if (value === undefined) {
    if (fallback !== undefined) return fallback;
    throw new UsageError(`--${option} is required (${allowed.join('|')})`);
  }
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`--${option} must be one of ${allowed.join(', ')}, not "${value}"`);
  }
  return value as T;
}

/**
 * `export <applicationId> --format json|html [--as-of ISO] [--out FILE] [--lang ar|fr|en]`: the
 * audit dossier. Exit codes as replay's: 0 written, every recomputation the same and no money
 * error; 1 written but a recomputation or a money fact differs or a chain is broken (the dossier
 * shows it); 2 usage, store error or unknown application (nothing written).
 */
export async function exportCommand(args: ParsedArguments, io: CommandIo): Promise<number> {
  const applicationId = applicationIdArgument('export', args);
  const format = oneOf<DossierFormat>('format', args.values.get('format'), DOSSIER_FORMATS);
  const lang = oneOf<DossierLanguage>('lang', args.values.get('lang'), DOSSIER_LANGUAGES, 'fr');
  const asOf = parseAsOf(args.values.get('as-of'));
  const out = args.values.get('out');
  const publicKey = findSealPublicKey(args, io.env);
  return withStore('export', args, io, async (store, where) => {
    const { result, log } = await replayApplication(store, applicationId, { asOf, withCurrentRules: false });
    const dossier = await buildDossier(store, where, log, result, { publicKey });
    const content = format === 'json' ? `${JSON.stringify(dossier, null, 2)}\n` : dossierHtml(dossier, lang);
    if (out === undefined) {
      io.stdout.write(content);
    } else {
      writeFileSync(resolve(out), content);
      io.stdout.write(
        `export: dossier of ${applicationId} as of ${result.asOf} (${format}${format === 'html' ? `, ${lang}` : ''}) written to ${resolve(out)}; verdict ${result.verdict}\n`,
      );
    }
    return result.verdict === 'same' ? 0 : 1;
  });
}
