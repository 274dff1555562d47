import { DeciderSpecification, foldEvents } from '@tadamon/eventsourcing';
import { WEBHOOK_DISABLE_AFTER_MS } from '../delivery/retry-schedule';
import { AlreadyCreated, InvalidTransition, NotCreated, ValidationFailed } from '../errors';
import { MAX_WEBHOOK_DESCRIPTION, webhookEndpointDecider } from './webhook-endpoint';
import { WebhookSecretReused } from './webhook-endpoint-errors';
import {
  RegisterWebhookEndpoint,
  WebhookEndpointCommand,
  WebhookEndpointEvent,
} from './webhook-endpoint-messages';
import { secretsInForce } from './webhook-endpoint-state';
import { MAX_WEBHOOK_URL } from './webhook-url';

const spec = DeciderSpecification.for(webhookEndpointDecider);
const now = '2026-06-01T08:00:00.000Z';
const plus = (ms: number, from = now) => new Date(Date.parse(from) + ms).toISOString();
const HOUR = 3_600_000;
const partner = { id: 'user-partner', roles: ['partner'] };
const endpointId = 'whe-1';

let n = 0;
const command = <C extends WebhookEndpointCommand>(type: C['type'], data: C['data'], at = now): C =>
  ({ type, data, metadata: { commandId: `c-${++n}`, actor: partner, now: at } }) as C;

const registration: RegisterWebhookEndpoint['data'] = {
  endpointId,
  organisationId: 'partner-giz',
  url: 'https://hooks.partner.example/tadamon',
  description: 'Grants and tranches, to our ERP',
  triggers: ['tranche-released', 'grant-awarded'],
  secretId: 'whs-1',
};
const registered: WebhookEndpointEvent = {
  type: 'WebhookEndpointRegistered',
  data: { ...registration, triggers: ['grant-awarded', 'tranche-released'], at: now, by: partner.id },
};
const failing = (since: string): WebhookEndpointEvent => ({
  type: 'WebhookEndpointFailing',
  data: { endpointId, since, at: since },
});
const outcome = (succeeded: boolean, at: string) =>
  command('RecordWebhookOutcome', { endpointId, succeeded, at }, at);
const disabled = (reason: 'by-partner' | 'gone' | 'failing', at = now): WebhookEndpointEvent => ({
  type: 'WebhookEndpointDisabled',
  data: { endpointId, reason, at, by: partner.id },
});
const removed: WebhookEndpointEvent = {
  type: 'WebhookEndpointRemoved',
  data: { endpointId, at: now, by: partner.id },
};

describe('a webhook endpoint', () => {
  describe('registering', () => {
    it('registers the endpoint with the id of its secret (triggers kept sorted); the same again changes nothing', () => {
      spec.when(command('RegisterWebhookEndpoint', registration)).then([registered]);
      spec.given([registered]).when(command('RegisterWebhookEndpoint', registration)).thenNothingHappened();
    });

    it('never carries a secret in its events, only the id it is kept under', () => {
      const events = webhookEndpointDecider.decide(
        command('RegisterWebhookEndpoint', registration),
        webhookEndpointDecider.initialState(),
      );
      expect(JSON.stringify(events)).not.toContain('whsec_');
      expect(Object.keys(events[0].data).sort()).toEqual(
        ['at', 'by', 'description', 'endpointId', 'organisationId', 'secretId', 'triggers', 'url'].sort(),
      );
    });

    it('refuses other data under an existing id, and any other command before registering', () => {
      spec
        .given([registered])
        .when(command('RegisterWebhookEndpoint', { ...registration, url: 'https://other.example/' }))
        .thenThrows(AlreadyCreated);
      spec.when(command('EnableWebhookEndpoint', { endpointId })).thenThrows(NotCreated);
    });

    it('names every refused field', () => {
      const error = spec
        .when(
          command('RegisterWebhookEndpoint', {
            endpointId: '',
            organisationId: 'partner giz',
            url: 'ftp://hooks.partner.example',
            description: '   ',
            triggers: [],
            secretId: '',
          }),
        )
        .thenThrows(ValidationFailed);
      expect(error.issues.map((i) => i.field)).toEqual([
        'endpointId',
        'organisationId',
        'secretId',
        'url',
        'description',
        'triggers',
      ]);
    });
  });

  describe('every text field', () => {
    const refused = (data: Partial<RegisterWebhookEndpoint['data']>) =>
      spec.when(command('RegisterWebhookEndpoint', { ...registration, ...data })).thenThrows(ValidationFailed)
        .issues;
    const accepted = (data: Partial<RegisterWebhookEndpoint['data']>) =>
      webhookEndpointDecider.decide(
        command('RegisterWebhookEndpoint', { ...registration, ...data }),
        webhookEndpointDecider.initialState(),
      );

    it.each([
      ['plain http to a public host', 'http://hooks.partner.example/'],
      ['http to a private address that is not the loopback', 'http://10.0.0.5/hook'],
      ['a user and password in the URL', 'https://erp:secret@hooks.partner.example/'],
      ['a user alone', 'https://erp@hooks.partner.example/'],
      ['not a URL', 'hooks.partner.example/tadamon'],
      ['a blank URL', '  '],
      ['a URL one character too long', `https://h.example/${'a'.repeat(MAX_WEBHOOK_URL - 17)}`],
      ['a number', 42],
    ])('refuses %s', (_why, url) => {
      expect(refused({ url: url as string }).map((i) => i.field)).toEqual(['url']);
    });

    it.each([
      ['https', 'https://hooks.partner.example/tadamon?team=grants'],
      ['http to 127.0.0.1', 'http://127.0.0.1:8080/hook'],
      ['http to ::1', 'http://[::1]:8080/hook'],
      ['http to localhost', 'http://localhost/hook'],
      ['a URL of exactly the longest length', `https://h.example/${'a'.repeat(MAX_WEBHOOK_URL - 18)}`],
    ])('accepts %s', (_why, url) => {
      expect(accepted({ url })[0].data).toMatchObject({ url });
    });

    it('refuses a blank, a missing or an over-long description, and accepts the longest one (trimmed)', () => {
      expect(refused({ description: ' \n ' }).map((i) => i.field)).toEqual(['description']);
      expect(refused({ description: undefined as never }).map((i) => i.field)).toEqual(['description']);
      expect(refused({ description: 'd'.repeat(MAX_WEBHOOK_DESCRIPTION + 1) }).map((i) => i.field)).toEqual([
        'description',
      ]);
      const longest = 'd'.repeat(MAX_WEBHOOK_DESCRIPTION);
      expect(accepted({ description: ` ${longest} ` })[0].data).toMatchObject({ description: longest });
    });

    it('refuses no trigger, an unknown trigger and a list that is not one; a repeated one is kept once', () => {
      expect(refused({ triggers: [] }).map((i) => i.field)).toEqual(['triggers']);
      expect(refused({ triggers: ['grant-awarded', 'birthday'] as never }).map((i) => i.field)).toEqual([
        'triggers[1]',
      ]);
      expect(refused({ triggers: 'grant-awarded' as never }).map((i) => i.field)).toEqual(['triggers']);
      expect(accepted({ triggers: ['digest', 'digest'] })[0].data).toMatchObject({ triggers: ['digest'] });
    });
  });

  describe('changing', () => {
    const change = { endpointId, url: registration.url, description: 'ERP', triggers: ['digest' as const] };
    it('changes the URL, description or triggers; the same again changes nothing', () => {
      const changed: WebhookEndpointEvent = {
        type: 'WebhookEndpointChanged',
        data: { ...change, at: now, by: partner.id },
      };
      spec.given([registered]).when(command('ChangeWebhookEndpoint', change)).then([changed]);
      spec.given([registered, changed]).when(command('ChangeWebhookEndpoint', change)).thenNothingHappened();
      spec
        .given([registered])
        .when(
          command('ChangeWebhookEndpoint', {
            endpointId,
            url: registration.url,
            description: registration.description,
            triggers: ['tranche-released', 'grant-awarded'],
          }),
        )
        .thenNothingHappened();
    });

    it('applies the same rules to the new URL, and does not change a removed endpoint', () => {
      const error = spec
        .given([registered])
        .when(command('ChangeWebhookEndpoint', { ...change, url: 'http://hooks.partner.example/' }))
        .thenThrows(ValidationFailed);
      expect(error.issues.map((i) => i.field)).toEqual(['url']);
      spec
        .given([registered, removed])
        .when(command('ChangeWebhookEndpoint', change))
        .thenThrows(InvalidTransition);
    });
  });

  describe('rotating the secret', () => {
    const rotated: WebhookEndpointEvent = {
      type: 'WebhookSecretRotated',
      data: {
        endpointId,
        secretId: 'whs-2',
        previousSecretId: 'whs-1',
        previousValidUntil: plus(24 * HOUR),
        at: now,
        by: partner.id,
      },
    };
    it('keeps the previous secret signing for 24 hours, then only the new one', () => {
      spec
        .given([registered])
        .when(command('RotateWebhookSecret', { endpointId, secretId: 'whs-2' }))
        .then([rotated]);
      const state = foldEvents(webhookEndpointDecider, [registered, rotated]);
      expect(secretsInForce(state, now)).toEqual(['whs-2', 'whs-1']);
      expect(secretsInForce(state, plus(24 * HOUR - 1))).toEqual(['whs-2', 'whs-1']);
      expect(secretsInForce(state, plus(24 * HOUR))).toEqual(['whs-2']);
      expect(secretsInForce(foldEvents(webhookEndpointDecider, [registered]), now)).toEqual(['whs-1']);
    });

    it('changes nothing when rotated to the current secret, refuses one it had before', () => {
      spec
        .given([registered, rotated])
        .when(command('RotateWebhookSecret', { endpointId, secretId: 'whs-2' }))
        .thenNothingHappened();
      spec
        .given([registered, rotated])
        .when(command('RotateWebhookSecret', { endpointId, secretId: 'whs-1' }))
        .thenThrows(WebhookSecretReused);
    });

    it('a second rotation within the overlap ends the oldest secret at once', () => {
      const again: WebhookEndpointEvent = {
        type: 'WebhookSecretRotated',
        data: {
          endpointId,
          secretId: 'whs-3',
          previousSecretId: 'whs-2',
          previousValidUntil: plus(25 * HOUR),
          at: plus(HOUR),
          by: partner.id,
        },
      };
      spec
        .given([registered, rotated])
        .when(command('RotateWebhookSecret', { endpointId, secretId: 'whs-3' }, plus(HOUR)))
        .then([again]);
      expect(
        secretsInForce(foldEvents(webhookEndpointDecider, [registered, rotated, again]), plus(HOUR)),
      ).toEqual(['whs-3', 'whs-2']);
    });

    it('signs nothing for a removed endpoint', () => {
      expect(secretsInForce(foldEvents(webhookEndpointDecider, [registered, removed]), now)).toEqual([]);
      spec
        .given([registered, removed])
        .when(command('RotateWebhookSecret', { endpointId, secretId: 'whs-9' }))
        .thenThrows(InvalidTransition);
    });
  });

  describe('delivery outcomes: only the transitions are recorded', () => {
    it('records the first failure after a success as the start of a streak, and nothing for more successes', () => {
      spec
        .given([registered])
        .when(outcome(true, plus(HOUR)))
        .thenNothingHappened();
      spec
        .given([registered])
        .when(outcome(false, plus(HOUR)))
        .then([failing(plus(HOUR))]);
      spec
        .given([registered, failing(plus(HOUR))])
        .when(outcome(false, plus(2 * HOUR)))
        .thenNothingHappened();
    });

    it('records a success while failing as recovered, and the next failure starts a new streak', () => {
      const recovered: WebhookEndpointEvent = {
        type: 'WebhookEndpointRecovered',
        data: { endpointId, at: plus(3 * HOUR) },
      };
      spec
        .given([registered, failing(plus(HOUR))])
        .when(outcome(true, plus(3 * HOUR)))
        .then([recovered]);
      spec
        .given([registered, failing(plus(HOUR)), recovered])
        .when(outcome(false, plus(4 * HOUR)))
        .then([failing(plus(4 * HOUR))]);
    });

    it('disables the endpoint after exactly five days of failures, not a millisecond before', () => {
      const since = plus(HOUR);
      spec
        .given([registered, failing(since)])
        .when(outcome(false, plus(WEBHOOK_DISABLE_AFTER_MS - 1, since)))
        .thenNothingHappened();
      const at = plus(WEBHOOK_DISABLE_AFTER_MS, since);
      spec
        .given([registered, failing(since)])
        .when(outcome(false, at))
        .then([
          { type: 'WebhookEndpointDisabled', data: { endpointId, reason: 'failing', at, by: partner.id } },
        ]);
    });

    it('ignores a late success from before the streak began, and any outcome once disabled', () => {
      spec
        .given([registered, failing(plus(2 * HOUR))])
        .when(outcome(true, plus(HOUR)))
        .thenNothingHappened();
      spec
        .given([registered, disabled('gone')])
        .when(outcome(false, plus(HOUR)))
        .thenNothingHappened();
      spec
        .given([registered, disabled('by-partner')])
        .when(outcome(true, plus(HOUR)))
        .thenNothingHappened();
    });

    it('refuses an outcome that is not a boolean at an instant', () => {
      const error = spec
        .given([registered])
        .when(command('RecordWebhookOutcome', { endpointId, succeeded: 'yes' as never, at: 'yesterday' }))
        .thenThrows(ValidationFailed);
      expect(error.issues.map((i) => i.field)).toEqual(['succeeded', 'at']);
    });
  });

  describe('disabling, enabling, removing', () => {
    it('disables on a 410 (gone) or at the partner’s request, once', () => {
      spec
        .given([registered])
        .when(command('DisableWebhookEndpoint', { endpointId, reason: 'gone' }))
        .then([disabled('gone')]);
      spec
        .given([registered, disabled('gone')])
        .when(command('DisableWebhookEndpoint', { endpointId, reason: 'by-partner' }))
        .thenNothingHappened();
      spec
        .given([registered])
        .when(command('DisableWebhookEndpoint', { endpointId, reason: 'tired' as never }))
        .thenThrows(ValidationFailed);
    });

    it('enables again with the failure streak cleared, so five new days are needed', () => {
      const enabled: WebhookEndpointEvent = {
        type: 'WebhookEndpointEnabled',
        data: { endpointId, at: plus(6 * 24 * HOUR), by: partner.id },
      };
      const history = [registered, failing(now), disabled('failing', plus(5 * 24 * HOUR))];
      spec
        .given(history)
        .when(command('EnableWebhookEndpoint', { endpointId }, plus(6 * 24 * HOUR)))
        .then([enabled]);
      spec
        .given([...history, enabled])
        .when(command('EnableWebhookEndpoint', { endpointId }))
        .thenNothingHappened();
      spec
        .given([...history, enabled])
        .when(outcome(false, plus(6 * 24 * HOUR + 1)))
        .then([failing(plus(6 * 24 * HOUR + 1))]);
    });

    it('removes once; a removed endpoint is neither enabled nor disabled again', () => {
      spec.given([registered]).when(command('RemoveWebhookEndpoint', { endpointId })).then([removed]);
      spec
        .given([registered, removed])
        .when(command('RemoveWebhookEndpoint', { endpointId }))
        .thenNothingHappened();
      spec
        .given([registered, removed])
        .when(command('EnableWebhookEndpoint', { endpointId }))
        .thenThrows(InvalidTransition);
      spec
        .given([registered, removed])
        .when(command('DisableWebhookEndpoint', { endpointId, reason: 'by-partner' }))
        .thenThrows(InvalidTransition);
      spec
        .given([registered, removed])
        .when(command('RegisterWebhookEndpoint', registration))
        .thenThrows(AlreadyCreated);
    });
  });
});
