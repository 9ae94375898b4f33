import { describe, expect, test } from 'vitest';
import { flowsWith, returnsOf, sinks } from '../../../../test/helpers/frameworks.js';
import { activeRecord } from './active-record.js';
import { mongoose } from './mongoose.js';

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

  test('findOneAndUpdate stores its update and gives back the record; new Model(data).save() stores the data', () => {
    const code = `
const mongoose = require('mongoose');
const Account = mongoose.model('Account', { username: String });
export async function rename(uname: string, phone: string) {
  const found = await Account.findOneAndUpdate({ username: uname }, { phone_num: phone });
  const doc = new Account({ phone_num: phone });
  await doc.save();
  return found;
}`;
    const flows = flowsWith([activeRecord, mongoose], code);
    expect(sinks(flows)).toEqual(['Account.findOneAndUpdate → storage: ORM (Account)', 'doc.save → storage: ORM']);
    expect(returnsOf(flows, 'rename')).toContain('type:Account (Account record)');
  });

  test('models destructured from a CommonJS require of a project module are models', () => {
    const code = `
const { Customer } = require('../models');
const AuthService = {
  register: async (userData) => {
    await Customer.create({ SDT: userData.SDT, CCCD: userData.CCCD });
  },
};
module.exports = AuthService;`;
    expect(sinks(flowsWith([activeRecord], code, 'src/auth.js'))).toEqual(['Customer.create → storage: ORM (Customer)']);
  });
});
