import { createPublicKey } from 'node:crypto';
import {
  buildDossier,
  dossierHtml,
  DossierLanguage,
  InvalidAsOf,
  parseAsOf,
  replayApplication,
  ReplayResult,
  UnknownApplication,
} from '@tadamon/audit';
import { EventStore } from '@tadamon/event-store';
import { assertStreamName, InvalidStreamName } from '@tadamon/eventsourcing';
import { ProblemException } from '@tadamon/nest-kit';
import { EmbeddedConfig } from '../embedded/embedded-config';

/**
 * The auditor's replay and dossier of one application, read from the platform's own log (the
 * library the CLI runs: libs/audit). An unknown application, or one with no event yet at asOf, is
 * a 404; an asOf that is not an instant with its zone a 400.
 */
export class ApplicationAudits {
  constructor(
    private readonly store: EventStore,
    private readonly config: EmbeddedConfig,
  ) {}

  async replay(applicationId: string, asOfText: string | undefined): Promise<ReplayResult> {
    const { result } = await this.read(applicationId, asOfText);
    return result;
  }

  async dossier(
    applicationId: string,
    asOfText: string | undefined,
    lang: DossierLanguage,
  ): Promise<{ html: string; fileName: string }> {
    const { result, log } = await this.read(applicationId, asOfText);
    const dossier = await buildDossier(this.store, `SQLite ${this.config.eventStoreFile}`, log, result, {
      publicKey: createPublicKey(this.config.sealPrivateKey),
    });
    const day = result.asOf.slice(0, 10);
    return { html: dossierHtml(dossier, lang), fileName: `dossier-${applicationId}-${day}-${lang}.html` };
  }

  private async read(applicationId: string, asOfText: string | undefined) {
    let asOf: Date;
    try {
      asOf = parseAsOf(asOfText, () => new Date(), 'asOf');
    } catch (error) {
      if (error instanceof InvalidAsOf)
        throw new ProblemException('validation', error.message, {
          errors: [{ pointer: '/asOf', detail: error.message }],
        });
      throw error;
    }
    try {
      assertStreamName(`grantApplication-${applicationId}`);
    } catch (error) {
      if (error instanceof InvalidStreamName)
        throw new ProblemException('not-found', `no application ${applicationId}`);
      throw error;
    }
    try {
      return await replayApplication(this.store, applicationId, { asOf, withCurrentRules: false });
    } catch (error) {
      if (error instanceof UnknownApplication) throw new ProblemException('not-found', error.message);
      throw error;
    }
  }
}
