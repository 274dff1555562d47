import { Decider, foldEvents } from '@tadamon/eventsourcing';
import { moduleDecider } from '../domain/module/module';
import { pathDecider } from '../domain/path/path';
import { sessionDecider } from '../domain/session/session';
import { Session } from '../domain/session/session-state';
import { TRAINING_DEMO_IDS, TrainingDemoStep, trainingDemoSteps } from './training-demo-data';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const DECIDERS: Record<TrainingDemoStep['aggregate'], Decider<any, any, any>> = {
  module: moduleDecider,
  path: pathDecider,
  session: sessionDecider,
};

/** Applies the demo through the deciders, stream by stream, as the platform's seeding does. */
function applyDemo() {
  const streams = new Map<string, { type: string; data: unknown }[]>();
  for (const step of trainingDemoSteps()) {
    const key = `${step.aggregate}/${step.id}`;
    const decider = DECIDERS[step.aggregate];
    const history = streams.get(key) ?? [];
    const events = decider.decide(step.command, foldEvents(decider, history as never));
    expect({ command: step.command.metadata.commandId, appended: events.length > 0 }).toEqual({
      command: step.command.metadata.commandId,
      appended: true,
    });
    streams.set(key, [...history, ...events]);
  }
  return streams;
}

describe('Training demo data', () => {
  const streams = applyDemo();
  const session = (id: string) =>
    foldEvents(sessionDecider, (streams.get(`session/${id}`) ?? []) as never) as Session;
  const events = (id: string) => (streams.get(`session/${id}`) ?? []).map((e) => e.type);

  it('is accepted by the deciders, every command changing something, with distinct command ids', () => {
    const ids = trainingDemoSteps().map((s) => s.command.metadata.commandId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(streams.get(`path/${TRAINING_DEMO_IDS.path}`)).toHaveLength(1);
  });

  it('holds the Agadir session, attended and closed: both managers completed it', () => {
    const agadir = session(TRAINING_DEMO_IDS.sessions.agadir);
    expect(agadir.status).toBe('closed');
    expect(events(TRAINING_DEMO_IDS.sessions.agadir).filter((t) => t === 'TraineeCompleted')).toHaveLength(2);
    expect(events(TRAINING_DEMO_IDS.sessions.agadir)).not.toContain('TraineeNotCompleted');
  });

  it('opens sessions in France, Belgium and Spain, M&D’s president enrolled in Brussels', () => {
    const { paris, brussels, madrid } = TRAINING_DEMO_IDS.sessions;
    const places = [paris, brussels, madrid].map((id) => session(id).place);
    expect(places.map((p) => (p.mode === 'in-person' ? p.country : 'online'))).toEqual(['FR', 'BE', 'ES']);
    for (const id of [paris, brussels, madrid]) expect(session(id).status).toBe('enrolment-open');
    expect(session(brussels).confirmed).toEqual([TRAINING_DEMO_IDS.registry.persons.mdPresident]);
  });

  it('names the Registry demo’s contact persons and the platform’s demo users', () => {
    expect(TRAINING_DEMO_IDS.registry.persons).toEqual({
      mdPresident: 'person-demo-md-president',
      figuigProjectManager: 'person-demo-figuig-project-manager',
    });
    expect(TRAINING_DEMO_IDS.users).toEqual({ officer: 'user-officer', trainer: 'user-trainer' });
  });
});
