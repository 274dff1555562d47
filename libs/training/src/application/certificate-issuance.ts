import { createHash, randomInt } from 'node:crypto';
import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
  Optional,
} from '@nestjs/common';
import { TRAINING_SESSION_CATEGORY, trainingSessionStreamName } from '../domain/session/session';
import { Session } from '../domain/session/session-state';
import { STATUS_LIST_CATEGORY } from '../domain/status-list/status-list';
import { StatusListFull } from '../domain/status-list/status-list-errors';
import { STATUS_LIST_SIZE } from '../domain/status-list/status-list-index';
import { allocatedIndexOf } from '../domain/status-list/status-list-state';
import { credentialSha256, signCertificateCredential } from './certificate-credential';
import { CredentialIssuer } from './credential-issuer';
import { CredentialSealer, TRAINING_CREDENTIAL_ISSUER, TRAINING_CREDENTIAL_SEALER } from './credential-ports';
import { TRAINING_SYSTEM_ACTOR, TrainingCommands } from './training-commands';
import {
  TRAINING_EVENT_STORE,
  TRAINING_TRAINEES,
  TraineeDirectory,
  TrainingEventStore,
} from './training-ports';

export const TRAINING_CERTIFICATE_PASS_SETTINGS = Symbol('TRAINING_CERTIFICATE_PASS_SETTINGS');
export interface CertificatePassSettings {
  /** Between two passes after the one at start; 0: no periodic pass. Default one minute. */
  intervalMs: number;
}

export interface IssuanceReport {
  /** Completions looked at. */
  completions: number;
  /** Certificates issued by this call. */
  issued: number;
  /** Completions that already had their certificate. */
  alreadyIssued: number;
  /** Trainees erased from the Registry: no certificate (their name is gone). */
  erased: number;
  /** Not issued this time (an unknown trainee, a store failure): tried again by the next pass. */
  failed: number;
}

/** The certificate of a trainee's completion of a session: the same id however often it is asked. */
export const certificateIdFor = (sessionId: string, traineeId: string): string =>
  `cert-${createHash('sha256').update(`${sessionId}\n${traineeId}`).digest('hex').slice(0, 32)}`;

const emptyReport = (): IssuanceReport => ({
  completions: 0,
  issued: 0,
  alreadyIssued: 0,
  erased: 0,
  failed: 0,
});

/**
 * Issues the certificate of every TraineeCompleted that has none: right after a session closes
 * (`issueFor(sessionId)`, called by the close endpoint) and in a pass at start and every minute,
 * so a crash between the close and the issuance loses nothing. Safe to repeat and to run on
 * several instances: the certificate id derives from (session, trainee), the index allocation is
 * idempotent per certificate, and the credential is the same for the same facts.
 *
 * An erased trainee gets no certificate and nothing is recorded (the Registry's erasure is the
 * record): the report counts them, and the pass skips them afterwards.
 */
@Injectable()
export class CertificateIssuance implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('TrainingCertificateIssuance');
  private readonly intervalMs: number;
  /** Sessions with completions, and the log position read so far. */
  private readonly sessions = new Set<string>();
  private readonly erased = new Set<string>();
  private readUpTo = 0;
  private currentList: string | undefined;
  /** One issuance at a time in this process: a close and a pass never allocate side by side. */
  private queue: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    @Inject(TRAINING_EVENT_STORE) private readonly store: TrainingEventStore,
    private readonly commands: TrainingCommands,
    @Inject(TRAINING_TRAINEES) private readonly trainees: TraineeDirectory,
    @Inject(TRAINING_CREDENTIAL_ISSUER) private readonly issuer: CredentialIssuer,
    @Inject(TRAINING_CREDENTIAL_SEALER) private readonly sealer: CredentialSealer,
    @Optional() @Inject(TRAINING_CERTIFICATE_PASS_SETTINGS) settings?: Partial<CertificatePassSettings>,
  ) {
    this.intervalMs = settings?.intervalMs ?? 60_000;
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.passOnce('start');
    if (this.intervalMs > 0 && !this.stopped) {
      this.timer = setInterval(() => void this.passOnce('periodic'), this.intervalMs);
      this.timer.unref();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.queue.catch(() => undefined);
  }

  /** Issues the certificates a closed session owes; a session not closed owes none yet. */
  issueFor(sessionId: string): Promise<IssuanceReport> {
    return this.serially(() => this.issueSession(sessionId));
  }

  /** Every session with completions read from the log so far, each issued what it owes. */
  pass(): Promise<IssuanceReport> {
    return this.serially(async () => {
      const completed = await this.store.readAll({
        after: this.readUpTo,
        categories: [TRAINING_SESSION_CATEGORY],
        types: ['TraineeCompleted'],
      });
      for (const event of completed) {
        this.sessions.add((event.data as { sessionId: string }).sessionId);
        this.readUpTo = Math.max(this.readUpTo, event.globalPosition);
      }
      const total = emptyReport();
      for (const sessionId of [...this.sessions]) {
        if (this.stopped) break;
        const report = await this.issueSession(sessionId);
        for (const key of Object.keys(total) as (keyof IssuanceReport)[]) total[key] += report[key];
        if (report.failed === 0) this.sessions.delete(sessionId);
      }
      return total;
    });
  }

  private serially<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async passOnce(when: 'start' | 'periodic'): Promise<void> {
    try {
      const report = await this.pass();
      if (report.issued + report.failed + report.erased > 0 || when === 'start')
        this.logger.log({ msg: `certificate issuance (${when})`, ...report });
    } catch (error) {
      this.logger.error({ msg: `certificate issuance (${when}) failed`, error: (error as Error).message });
    }
  }

  private async issueSession(sessionId: string): Promise<IssuanceReport> {
    const report = emptyReport();
    const loaded = await this.commands.load('session', sessionId);
    if (!loaded || loaded.state.status !== 'closed') return report;
    const session = loaded.state as Session;
    const events = await this.store.readStream(trainingSessionStreamName(sessionId));
    const closed = events.find((e) => e.type === 'SessionClosed');
    const completedAt = (closed?.data as { closedAt?: string } | undefined)?.closedAt;
    if (!completedAt) return report;
    for (const event of events) {
      if (event.type !== 'TraineeCompleted') continue;
      report.completions++;
      const { traineeId } = event.data as { traineeId: string };
      try {
        const outcome = await this.issueOne(session, traineeId, completedAt);
        report[outcome]++;
      } catch (error) {
        report.failed++;
        this.logger.warn({
          msg: 'certificate issuance: not issued, tried again next pass',
          sessionId,
          certificateId: certificateIdFor(sessionId, traineeId),
          error: (error as Error).message,
        });
      }
    }
    return report;
  }

  private async issueOne(
    session: Session,
    traineeId: string,
    completedAt: string,
  ): Promise<'issued' | 'alreadyIssued' | 'erased'> {
    const certificateId = certificateIdFor(session.sessionId, traineeId);
    const existing = await this.commands.load('certificate', certificateId);
    if (existing && existing.state.status !== 'none') return 'alreadyIssued';
    if (this.erased.has(certificateId)) return 'erased';
    const card = await this.trainees.openCard(traineeId);
    if (card === 'erased') {
      this.erased.add(certificateId);
      this.logger.log({ msg: 'certificate issuance: trainee erased, no certificate', certificateId });
      return 'erased';
    }
    if (!card) throw new Error(`the Registry has no trainee ${traineeId}`);
    const module = await this.commands.load('module', session.moduleId);
    if (!module || module.state.status === 'none') throw new Error(`no module ${session.moduleId}`);
    const associationId = session.enrolments.get(traineeId)?.associationId;
    if (!associationId) throw new Error(`no enrolment of ${traineeId}`);
    const { statusListId, statusListIndex } = await this.allocate(certificateId);
    const credential = await signCertificateCredential(this.issuer, {
      certificateId,
      moduleId: session.moduleId,
      title: module.state.title,
      description: module.state.description,
      completionRule: session.completionRule,
      completedAt,
      statusListId,
      statusListIndex,
      card,
      sessionLanguage: session.language,
    });
    const { subjectId: _subject, ...sealedCredential } = await this.sealer.seal(traineeId, credential);
    await this.commands.execute(
      'certificate',
      certificateId,
      {
        type: 'IssueCertificate',
        data: {
          certificateId,
          traineeId,
          associationId,
          sessionId: session.sessionId,
          moduleId: session.moduleId,
          achievement: module.state.title,
          completedOn: completedAt.slice(0, 10),
          statusListId,
          statusListIndex,
          credentialSha256: credentialSha256(credential),
          formats: ['jwt', 'ldp'],
          validFrom: completedAt,
          validUntil: null,
          sealedCredential,
        },
      },
      TRAINING_SYSTEM_ACTOR,
      { commandId: `certificate-issuance:${certificateId}` },
    );
    return 'issued';
  }

  /** The certificate's index in the open list; a new list (random permutation) when none is open or it is full. */
  private async allocate(certificateId: string): Promise<{ statusListId: string; statusListIndex: number }> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const statusListId = this.currentList ?? (await this.lastOpenedList()) ?? (await this.openList());
      this.currentList = statusListId;
      try {
        await this.commands.execute(
          'statusList',
          statusListId,
          { type: 'AllocateIndex', data: { statusListId, certificateId } },
          TRAINING_SYSTEM_ACTOR,
        );
      } catch (error) {
        if (!(error instanceof StatusListFull)) throw error;
        this.currentList = await this.openList();
        continue;
      }
      const list = await this.commands.load('statusList', statusListId);
      const index = list ? allocatedIndexOf(list.state, certificateId) : null;
      if (index === null) throw new Error(`no index for ${certificateId} in ${statusListId}`);
      return { statusListId, statusListIndex: index };
    }
    throw new Error(`no status list index for ${certificateId}`);
  }

  private async lastOpenedList(): Promise<string | undefined> {
    const opened = await this.store.readAll({
      categories: [STATUS_LIST_CATEGORY],
      types: ['StatusListOpened'],
    });
    const last = opened[opened.length - 1];
    return last && (last.data as { statusListId: string }).statusListId;
  }

  /** A fresh list whose permutation (odd stride, offset) is drawn at random: indexes reveal no order. */
  private async openList(): Promise<string> {
    const statusListId = `sl-${Date.now().toString(36)}-${randomInt(1 << 30).toString(36)}`;
    const stride = 2 * randomInt(1, (STATUS_LIST_SIZE - 2) / 2) + 1;
    const offset = randomInt(STATUS_LIST_SIZE);
    await this.commands.execute(
      'statusList',
      statusListId,
      { type: 'OpenStatusList', data: { statusListId, stride, offset } },
      TRAINING_SYSTEM_ACTOR,
    );
    return statusListId;
  }
}
