import 'reflect-metadata';
import { getMetadataStorage } from 'class-validator';
// Every context's controllers, and with them every DTO the platform validates.
import { AppModule } from './app.module';

interface Rule {
  name?: string;
  propertyName: string;
  each: boolean;
}

describe('the text members of every DTO', () => {
  it('refuse controls, bidirectional controls and lone surrogates, each member and each list item', () => {
    expect(AppModule).toBeDefined(); // the import above is what loads the DTOs
    const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<{ name: string }, Rule[]> };
    const unchecked: string[] = [];
    const checked: string[] = [];
    for (const [target, rules] of storage.validationMetadatas) {
      for (const rule of rules.filter((r) => r.name === 'isString')) {
        const member = `${target.name}.${rule.propertyName}${rule.each ? '[]' : ''}`;
        const plain = rules.some(
          (r) =>
            r.propertyName === rule.propertyName &&
            r.each === rule.each &&
            (r.name === 'plainText' || r.name === 'plainMultilineText'),
        );
        (plain ? checked : unchecked).push(member);
      }
    }
    expect(unchecked).toEqual([]);
    // Registry, Funding and identity DTOs, names and long texts among them.
    expect(checked).toEqual(
      expect.arrayContaining([
        'LocalizedTextDto.fr',
        'LocalizedLongTextDto.fr',
        'AwardDto.rationale',
        'AwardDto.conditions[]',
        'ContactCardDto.fullName',
      ]),
    );
    expect(checked.length).toBeGreaterThan(60);
  });
});
