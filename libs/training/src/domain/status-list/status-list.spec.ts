import { DeciderSpecification, foldEvents } from '@tadamon/eventsourcing';
import { AlreadyCreated, NotCreated, ValidationFailed } from '../errors';
import { statusListDecider, statusListStreamName } from './status-list';
import { AllocateIndex, OpenStatusList } from './status-list-commands';
import { allocatedIndexOf } from './status-list-state';
import { allocated, command, opened, permutation } from './status-list.fixtures';

const spec = DeciderSpecification.for(statusListDecider);
const open = (stride = permutation.stride, offset = permutation.offset) =>
  command<OpenStatusList>('OpenStatusList', { stride, offset });
const allocate = (certificateId: string) => command<AllocateIndex>('AllocateIndex', { certificateId });
const withA = [opened, allocated('cert-a', 40_961)];

describe('training status list', () => {
  it('names its stream after the list', () => {
    expect(statusListStreamName('sl-2026-1')).toBe('trainingStatusList-sl-2026-1');
  });

  describe('OpenStatusList', () => {
    it('opens a list of 131072 bits, published for revocation and for suspension', () => {
      spec.when(open()).then([opened]);
    });
    it('changes nothing when opened again with the same permutation', () => {
      spec.given([opened]).when(open()).thenNothingHappened();
    });
    it('refuses to open it again with another permutation', () => {
      spec.given([opened]).when(open(81_009)).thenThrows(AlreadyCreated);
    });
    it('refuses an even stride (not a permutation), stride 1 (sequential) and an offset out of the list', () => {
      for (const [stride, offset, fields] of [
        [81_006, 0, ['stride']],
        [1, 0, ['stride']],
        [131_071, 131_072, ['stride', 'offset']],
        [3.5, -1, ['stride', 'offset']],
      ] as const) {
        const error = spec.when(open(stride, offset)).thenThrows(ValidationFailed);
        expect(error.issues.map((i) => i.field)).toEqual(fields);
      }
    });
  });

  describe('AllocateIndex', () => {
    it('allocates the first index at the offset, the next ones a stride apart (mod 131072)', () => {
      spec
        .given([opened])
        .when(allocate('cert-a'))
        .then([allocated('cert-a', 40_961)]);
      spec
        .given(withA)
        .when(allocate('cert-b'))
        .then([allocated('cert-b', 121_968)]);
      spec
        .given([...withA, allocated('cert-b', 121_968)])
        .when(allocate('cert-c'))
        .then([allocated('cert-c', 71_903)]);
    });
    it('changes nothing for a certificate that holds an index, which the state gives back', () => {
      spec.given(withA).when(allocate('cert-a')).thenNothingHappened();
      const state = foldEvents(statusListDecider, withA);
      expect(allocatedIndexOf(state, 'cert-a')).toBe(40_961);
      expect(allocatedIndexOf(state, 'cert-b')).toBeNull();
    });
    it('refuses to allocate on a list never opened', () => {
      spec.when(allocate('cert-a')).thenThrows(NotCreated);
    });
    it('refuses a certificate id that is not one, and another list id', () => {
      const error = spec
        .given([opened])
        .when({ ...allocate(''), data: { statusListId: 'sl-2026-2', certificateId: 'cert a' } })
        .thenThrows(ValidationFailed);
      expect(error.issues.map((i) => i.field)).toEqual(['statusListId', 'certificateId']);
    });
  });
});
