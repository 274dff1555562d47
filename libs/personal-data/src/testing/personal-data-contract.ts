import { randomBytes, randomUUID } from 'node:crypto';
import { KeyStore, SubjectErased } from '../key-store';
import { InvalidMasterKey, PersonalDataCipher, PersonalDataTampered } from '../personal-data-cipher';
import { isErased } from '../sealed-personal-data';

/** What every key store must do, checked through the cipher that uses it. */
export function personalDataContract(
  name: string,
  open: () => Promise<KeyStore>,
  cleanup?: () => Promise<void>,
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

    it('cannot open with another master key', async () => {
      const sealed = await cipher.seal(randomUUID(), person);
      const wrong = new PersonalDataCipher(keys, randomBytes(32).toString('base64'));
      await expect(wrong.open(sealed)).rejects.toThrow();
      expect(() => new PersonalDataCipher(keys, 'c2hvcnQ=')).toThrow(InvalidMasterKey);
    });
  });
}
