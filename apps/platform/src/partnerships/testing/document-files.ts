import { Caller, PlatformClient, Reply } from '../../registry/testing/platform-client';

/** What a document route answers with a file: its status, headers and bytes as sent. */
export interface FileReply {
  status: number;
  headers: Headers;
  bytes: Buffer;
}

async function send(
  client: PlatformClient,
  who: Caller,
  method: 'GET' | 'POST',
  path: string,
  headers: Record<string, string>,
  body?: Uint8Array,
): Promise<Response> {
  const authorization: Record<string, string> =
    who === 'anonymous' ? {} : { authorization: `Bearer ${await client.token(who)}` };
  return fetch(`${client.baseUrl}${path}`, { method, headers: { ...authorization, ...headers }, body });
}

/**
 * A raw upload to a documents route (of an agreement or a project): the body is the file, its
 * media type the Content-Type, its name and kind in the query.
 */
export async function uploadFile(
  client: PlatformClient,
  who: Caller,
  documentsPath: string,
  bytes: Uint8Array,
  options: { name: string; kind: string; type?: string; headers?: Record<string, string> },
): Promise<Reply> {
  const query = new URLSearchParams({ name: options.name, kind: options.kind });
  const response = await send(
    client,
    who,
    'POST',
    `${documentsPath}?${query}`,
    { 'content-type': options.type ?? 'application/pdf', ...options.headers },
    bytes,
  );
  const text = await response.text();
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    headers: response.headers,
    body: /json/.test(response.headers.get('content-type') ?? '') && text ? JSON.parse(text) : text,
  };
}

/** A document's download, its bytes as they came. */
export async function downloadFile(client: PlatformClient, who: Caller, path: string): Promise<FileReply> {
  const response = await send(client, who, 'GET', path, {});
  return {
    status: response.status,
    headers: response.headers,
    bytes: Buffer.from(await response.arrayBuffer()),
  };
}
