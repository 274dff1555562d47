import { hashPassword, verifyPassword } from './password-hashing';

// Cheap parameters keep the suite fast; the format and comparison are the same.
const FAST = { N: 1024, r: 8, p: 1 };

describe('password hashing with scrypt', () => {
  it('verifies the password it hashed', async () => {
    const stored = await hashPassword('correct horse battery staple', FAST);
    expect(stored).toMatch(/^scrypt\$1024\$8\$1\$[\w-]+\$[\w-]+$/);
    await expect(verifyPassword('correct horse battery staple', stored)).resolves.toBe(true);
  });

  it('rejects another password', async () => {
    const stored = await hashPassword('s3cret', FAST);
    await expect(verifyPassword('s3cret ', stored)).resolves.toBe(false);
  });

  it('salts each hash, so equal passwords give different hashes', async () => {
    expect(await hashPassword('same', FAST)).not.toBe(await hashPassword('same', FAST));
  });

  it('treats the same text in another Unicode normalisation as the same password', async () => {
    const stored = await hashPassword('Caf\u00e9', FAST);
    await expect(verifyPassword('Cafe\u0301', stored)).resolves.toBe(true);
  });

  it.each(['', 'bcrypt$x', 'scrypt$0$8$1$c2FsdA$aGFzaA', 'scrypt$1024$8$1$c2FsdA$c2hvcnQ'])(
    'rejects a malformed stored hash %j',
    async (stored) => {
      await expect(verifyPassword('anything', stored)).resolves.toBe(false);
    },
  );

  it('uses the OWASP scrypt parameters by default', async () => {
    expect(await hashPassword('x')).toMatch(/^scrypt\$131072\$8\$1\$/);
  });
});
