import { CommandMetadata } from '@tadamon/eventsourcing';
import { ModuleCommand, moduleDecider } from './module/module';
import { PathCommand, pathDecider } from './path/path';
import { repeatsChangeNothing } from './testing/repeats-change-nothing';

const metadata: CommandMetadata = {
  commandId: 'cmd-1',
  actor: { id: 'officer-1', roles: ['officer'] },
  now: '2026-01-12T09:00:00.000Z',
};
const moduleDetails = {
  code: 'GOV-101',
  title: { fr: 'Gouvernance associative' },
  description: { fr: 'Statuts, assemblée générale, conseil' },
  durationMinutes: 480,
  competences: ['GOV-AG'],
  languages: ['fr' as const],
  theme: 'governance' as const,
};
const modulePool: ModuleCommand[] = [
  { type: 'DefineModule', data: { moduleId: 'gov-101', ...moduleDetails }, metadata },
  { type: 'ReviseModule', data: { moduleId: 'gov-101', changes: { durationMinutes: 600 } }, metadata },
  { type: 'ReviseModule', data: { moduleId: 'gov-101', changes: { languages: ['fr', 'ar'] } }, metadata },
  { type: 'RetireModule', data: { moduleId: 'gov-101' }, metadata },
];
const pathPool: PathCommand[] = [
  { type: 'DefinePath', data: { pathId: 'p1', title: { fr: 'Parcours' }, moduleIds: ['a', 'b'] }, metadata },
  { type: 'RevisePath', data: { pathId: 'p1', changes: { moduleIds: ['b', 'a', 'c'] } }, metadata },
  { type: 'RevisePath', data: { pathId: 'p1', changes: { title: { fr: 'Autre' } } }, metadata },
  { type: 'RetirePath', data: { pathId: 'p1', reason: 'Fin' }, metadata },
];

describe('modules and paths: idempotence', () => {
  it('a module command that succeeded decides [] when repeated', () => {
    repeatsChangeNothing(moduleDecider, modulePool);
  });
  it('a path command that succeeded decides [] when repeated', () => {
    repeatsChangeNothing(pathDecider, pathPool);
  });
});
