import { describe, expect, test } from 'vitest';
import { declaredWith, flowsWith, returnsOf, sinks } from '../../../../test/helpers/frameworks.js';
import { typeorm } from './typeorm.js';

describe('typeorm', () => {
  test('injected repositories: reads are entity sources, create() builds, save() writes', () => {
    const code = `
export class UsersService {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}
  find(id: string) { return this.users.findOneBy({ id }); }
  async add(email: string) {
    const user = this.users.create({ email });
    await this.users.save(user);
  }
}`;
    const flows = flowsWith([typeorm], code);
    expect(returnsOf(flows, 'UsersService.find')).toEqual(['type:User (User entity)']);
    expect(sinks(flows)).toEqual(['this.users.save → storage: TypeORM (User)']);
  });

  test('@Entity classes are persistent types of typeorm; EntitySchema declares fields', () => {
    const flows = flowsWith([typeorm], `@Entity() export class Customer { @Column() email: string; }`);
    expect(flows.types[0]).toMatchObject({ name: 'Customer', persistent: true, framework: 'typeorm' });
    const schema = `export const Person = new EntitySchema({ name: 'person', columns: { email: { type: String }, phone: { type: String } } });`;
    expect(declaredWith([typeorm], schema)).toEqual(['person.email typeorm', 'person.phone typeorm']);
  });
});
