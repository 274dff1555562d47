import 'reflect-metadata';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../create-app';

describe('GET /health', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await createApp({ logger: false });
    await app.listen(0, '127.0.0.1');
  });
  afterAll(() => app.close());

  it('answers over HTTP that the embedded platform is up', async () => {
    const response = await fetch(`${await app.getUrl()}/health`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    expect(await response.json()).toMatchObject({ status: 'ok', service: 'platform', profile: 'embedded' });
  });

  it('answers 404 for a route that does not exist', async () => {
    const response = await fetch(`${await app.getUrl()}/nothing-here`);
    expect(response.status).toBe(404);
  });
});
