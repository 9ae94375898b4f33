import { describe, expect, test } from 'vitest';
import { declaredWith, flowsWith, returnsOf } from '../../../../test/helpers/frameworks.js';
import { mongoose } from './mongoose.js';

describe('mongoose', () => {
  test('new Schema({...}) declares fields, only in a file that mentions mongoose', () => {
    const code = `const userSchema = new Schema({ email: String, address: { city: String } });`;
    expect(declaredWith([mongoose], `import { Schema } from 'mongoose';\n${code}`)).toEqual(['User.email mongoose', 'User.address.city mongoose']);
    expect(declaredWith([mongoose], code)).toEqual([]);
  });

  test('a schema takes the name mongoose.model gives it; fields of an encryption plugin are protected', () => {
    const code = `
import mongoose, { Schema } from 'mongoose';
const patientSchema = new Schema({ email: String, phone: String });
patientSchema.plugin(encrypt, { encryptedFields: ['phone'] });
export const BenhNhan = mongoose.model('BenhNhan', patientSchema);`;
    expect(declaredWith([mongoose], code)).toEqual(['BenhNhan.email mongoose', 'BenhNhan.phone mongoose [encryption:mongoose-plugin]']);
  });

  test('mongoose.model with a plain object declares that model (an implicit schema)', () => {
    const code = `const mongoose = require('mongoose');\nconst Account = mongoose.model('Account', { username: String, phone_num: String, bankInfo: { accountNumber: String } });\nmodule.exports = Account;`;
    expect(declaredWith([mongoose], code)).toEqual(['Account.username mongoose', 'Account.phone_num mongoose', 'Account.bankInfo.accountNumber mongoose']);
    expect(declaredWith([mongoose], `const Account = mongoose.model('Account', accountSchema);`)).toEqual([]);
  });

  test('@Schema classes are persistent mongoose types; query helpers keep the documents', () => {
    const flows = flowsWith([mongoose], `@Schema() export class Patient { @Prop() email: string; }\nexport function q(found: Patient) { return found.lean(); }`);
    expect(flows.types[0]).toMatchObject({ name: 'Patient', persistent: true, framework: 'mongoose' });
    expect(returnsOf(flows, 'q')).toEqual(['type:Patient']);
  });
});
