import { Navigate, useParams } from 'react-router';

/** `/training/certificates/:id` (the e-mails' link): the trainee's own certificate page. */
export function CertificateRedirect() {
  const certificateId = useParams()['certificateId'] ?? '';
  return <Navigate to={`/office/learning/certificates/${encodeURIComponent(certificateId)}`} replace />;
}
