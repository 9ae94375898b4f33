import { describe, expect, test } from 'vitest';
import { flowsWith, returnsOf, sinks } from '../../../../test/helpers/frameworks.js';
import { activeRecord } from './active-record.js';

describe('active-record models', () => {
  test('model statics read and write; document.save() stores a tainted document', () => {
    const code = `
import { User } from './models/user';
export function find(id: string) { return User.findById(id); }
export async function add(email: string) {
  await User.create({ email });
  await this.userModel.updateOne({ email }, { active: true });
  const doc = { email };
  await doc.save();
}`;
    const flows = flowsWith([activeRecord], code);
    expect(returnsOf(flows, 'find')).toEqual(['type:User (User record)']);
    expect(sinks(flows)).toEqual(['User.create → storage: ORM (User)', 'doc.save → storage: ORM']);
  });
});
