import { createDecipheriv, randomBytes, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { KeyStore, SubjectErased } from '../key-store';
import { InvalidMasterKey, PersonalDataCipher, PersonalDataTampered } from '../personal-data-cipher';
import { isErased } from '../sealed-personal-data';

/** The data key itself, unwrapped as the cipher does: what must leave no trace once erased. */
function unwrapForTest(master: string, subjectId: string, keyId: string, wrapped: string): Buffer {
  const { iv, ciphertext, tag } = JSON.parse(wrapped) as Record<string, string>;
  const decipher = createDecipheriv('aes-256-gcm', Buffer.from(master, 'base64'), Buffer.from(iv, 'base64'));
  decipher.setAAD(Buffer.from(`${subjectId}:${keyId}`));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64')), decipher.final()]);
}

/** Every file under a folder, recursively, with its bytes. */
export function filesUnder(folder: string): { file: string; bytes: Buffer }[] {
  return readdirSync(folder).flatMap((name) => {
    const file = join(folder, name);
    return statSync(file).isDirectory() ? filesUnder(file) : [{ file, bytes: readFileSync(file) }];
  });
}

/** The files of a key store that keeps its keys in files one can read (the SQLite one). */
export interface KeyStoreFiles {
  /** The folder holding the key store's files and nothing else that is written during the suite. */
  folder: string;
}

/**
 * What every key store must do, checked through the cipher that uses it. With `files`, the suite
 * also reads every byte of the store's files after an erasure.
 */
export function personalDataContract(
  name: string,
  open: () => Promise<KeyStore>,
  cleanup?: () => Promise<void>,
  files?: KeyStoreFiles,
): void {
  describe(`personal data sealing on ${name}`, () => {
    let keys: KeyStore;
    let cipher: PersonalDataCipher;
    const master = randomBytes(32).toString('base64');
    const person = {
      name: 'فاطمة الزهراء Benali',
      email: 'f.benali@example.org',
      phone: '+33 6 12 34 56 78',
    };

    beforeAll(async () => {
      keys = await open();
      cipher = new PersonalDataCipher(keys, master);
    });
    afterAll(async () => {
      await keys.close();
      await cleanup?.();
    });

    it('seals and opens a person’s data; the ciphertext holds no plaintext', async () => {
      const subject = randomUUID();
      const sealed = await cipher.seal(subject, person);
      expect(await cipher.open(sealed)).toEqual(person);
      const stored = JSON.stringify(sealed) + JSON.stringify(await keys.current(subject));
      for (const value of Object.values(person)) expect(stored).not.toContain(value);
      expect(Buffer.from(sealed.ciphertext, 'base64').toString('utf8')).not.toContain('Benali');
    });

    it('uses one key per subject and a fresh IV per seal', async () => {
      const subject = randomUUID();
      const [a, b] = await Promise.all([cipher.seal(subject, person), cipher.seal(subject, person)]);
      expect(a.keyId).toBe(b.keyId);
      expect(a.iv).not.toBe(b.iv);
      expect(a.ciphertext).not.toBe(b.ciphertext);
      const other = await cipher.seal(randomUUID(), person);
      expect(other.keyId).not.toBe(a.keyId);
    });

    it('detects a flipped byte and data moved to another subject', async () => {
      const subject = randomUUID();
      const sealed = await cipher.seal(subject, person);
      const bytes = Buffer.from(sealed.ciphertext, 'base64');
      bytes[0] ^= 1;
      await expect(cipher.open({ ...sealed, ciphertext: bytes.toString('base64') })).rejects.toThrow(
        PersonalDataTampered,
      );
      const victim = randomUUID();
      const victimSealed = await cipher.seal(victim, { name: 'x' });
      await expect(cipher.open({ ...sealed, subjectId: victim, keyId: victimSealed.keyId })).rejects.toThrow(
        PersonalDataTampered,
      );
    });

    it('after erasure, every sealed copy opens as erased and no new data can be sealed', async () => {
      const subject = randomUUID();
      const sealed = await cipher.seal(subject, person);
      await cipher.erase(subject);
      await cipher.erase(subject);
      const opened = await cipher.open(sealed);
      expect(isErased(opened)).toBe(true);
      expect(opened).toEqual({ erased: true, subjectId: subject });
      expect(await keys.current(subject)).toBeUndefined();
      await expect(cipher.seal(subject, person)).rejects.toThrow(SubjectErased);
      const someoneElse = randomUUID();
      expect(await cipher.open(await cipher.seal(someoneElse, person))).toEqual(person);
    });

    if (files)
      it('after erasure, no file of the key store holds the wrapped key or the key itself', async () => {
        const bystanders = await Promise.all(
          Array.from({ length: 20 }, () => cipher.seal(randomUUID(), person)),
        );
        const subject = randomUUID();
        await cipher.seal(subject, person);
        const stored = (await keys.current(subject)) as NonNullable<Awaited<ReturnType<KeyStore['current']>>>;
        const raw = unwrapForTest(master, subject, stored.keyId, stored.wrapped);
        const traces = [
          Buffer.from(stored.wrapped),
          Buffer.from(JSON.parse(stored.wrapped).ciphertext as string),
          raw,
          Buffer.from(raw.toString('base64')),
          Buffer.from(raw.toString('hex')),
        ];
        const holding = () =>
          filesUnder(files.folder).filter(({ bytes }) => traces.some((trace) => bytes.includes(trace)));
        expect(holding().length).toBeGreaterThan(0);

        await cipher.erase(subject);
        expect(holding().map(({ file }) => file)).toEqual([]);
        for (const sealed of bystanders) expect(await cipher.open(sealed)).toEqual(person);
      });

    it('cannot open with another master key', async () => {
      const sealed = await cipher.seal(randomUUID(), person);
      const wrong = new PersonalDataCipher(keys, randomBytes(32).toString('base64'));
      await expect(wrong.open(sealed)).rejects.toThrow();
      expect(() => new PersonalDataCipher(keys, 'c2hvcnQ=')).toThrow(InvalidMasterKey);
    });
  });
}
