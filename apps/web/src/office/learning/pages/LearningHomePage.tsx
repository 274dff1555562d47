import { useSession } from '../../../session/SessionProvider';
import { AssociationTraining } from '../components/AssociationTraining';
import { TraineeHome } from '../components/TraineeHome';

/** `/office/learning`: a trainee's own training, or an association's people's. */
export function LearningHomePage() {
  const session = useSession();
  return session.hasRole('trainee') ? <TraineeHome /> : <AssociationTraining />;
}
