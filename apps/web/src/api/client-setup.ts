import { client } from './generated/client.gen';

export interface ClientContext {
  /** The bearer token of the signed-in user, if any. */
  token(): string | null;
  /** The reader's language: problem details come back in it. */
  language(): string;
  /** A 401 on a request that carried a token: the session is over (expired, or the secret changed). */
  onSessionExpired(): void;
}

/**
 * Every call of the generated client carries the reader's language and, when signed in, the token.
 * Returns a function that removes the interceptors (tests set up several apps in one page).
 */
export function configureApiClient(context: ClientContext): () => void {
  const onRequest = (request: Request) => {
    request.headers.set('accept-language', context.language());
    const token = context.token();
    if (token && !request.headers.has('authorization'))
      request.headers.set('authorization', `Bearer ${token}`);
    return request;
  };
  const onResponse = (response: Response, request: Request) => {
    if (response.status === 401 && request.headers.has('authorization')) context.onSessionExpired();
    return response;
  };
  const requestId = client.interceptors.request.use(onRequest);
  const responseId = client.interceptors.response.use(onResponse);
  return () => {
    client.interceptors.request.eject(requestId);
    client.interceptors.response.eject(responseId);
  };
}
