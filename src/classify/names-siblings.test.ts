/**
 * Tuning-half causes of the real-app bench, as mechanisms: companion fields (what a model's other
 * fields say about one of them), person-role words as values, sessions and usage history, e-mail
 * tracking, linked accounts, bank codes inside an account record, codes for verifying.
 */
import { describe, expect, test } from 'vitest';
import { classifyAmongSiblings, classifyIdentifier, type Sibling } from './names.js';
import { compileCompanions } from './names/companions.js';

const cat = (name: string, owner?: string) => classifyIdentifier(name, owner)?.category;

/** Siblings with the categories their own names give them, as the declaration reader builds them. */
function model(owner: string, names: string[]): Sibling[] {
  return names.map((name) => ({ name, category: classifyIdentifier(name, owner)?.category }));
}

describe('companion fields', () => {
  const customer = model('customers', ['name', 'addressLine1', 'city', 'zip', 'state', 'phone']);

  test('a state beside an address line and a postcode is the address\'s state', () => {
    expect(cat('state', 'customers')).toBeUndefined();
    expect(classifyAmongSiblings('state', 'customers', customer)?.category).toBe('address');
  });

  test('a state with no address beside it says nothing', () => {
    expect(classifyAmongSiblings('state', 'orders', model('orders', ['state', 'total', 'createdAt']))).toBeUndefined();
  });

  test("a company's social pages, website and logo are not a person's accounts", () => {
    const company = model('customers', ['name', 'industry', 'employeeCount', 'foundedYear', 'linkedinUrl', 'twitterUrl', 'ceoName']);
    expect(cat('linkedinUrl', 'customers')).toBe('digital-account');
    expect(classifyAmongSiblings('linkedinUrl', 'customers', company)).toBeNull();
    expect(classifyAmongSiblings('twitterUrl', 'customers', company)).toBeNull();
    // the person's own fields stay theirs
    expect(classifyAmongSiblings('ceoName', 'customers', company)).toBeUndefined();
    // one company fact is not enough
    expect(classifyAmongSiblings('linkedinUrl', 'users', model('users', ['email', 'industry', 'linkedinUrl']))).toBeUndefined();
  });

  test('a person word beside the same name plus a contact detail is that person\'s name', () => {
    const siblings = model('customers', ['financeContact', 'financeContactEmail', 'guardian', 'guardianPhone', 'user', 'userEmail']);
    expect(cat('financeContact', 'customers')).toBeUndefined();
    expect(classifyAmongSiblings('financeContact', 'customers', siblings)?.category).toBe('full-name');
    expect(classifyAmongSiblings('guardian', 'customers', siblings)?.category).toBe('full-name');
    // "user" beside userEmail is an id or a login, not a name
    expect(classifyAmongSiblings('user', 'customers', siblings)).toBeUndefined();
    // "status" beside statusEmail is not a person
    expect(classifyAmongSiblings('status', 'x', model('x', ['status', 'statusEmail']))).toBeUndefined();
  });

  test('configuration errors name the place', () => {
    expect(() => compileCompanions([{ with_fields: ['industry'], fields: { money: ['x'] } }], undefined, 'x.yml')).toThrow(/companions\[0\]\.fields: unknown category "money"/);
    expect(() => compileCompanions([{ none: ['x'] }], undefined, 'x.yml')).toThrow(/companions\[0\]: needs with_categories or with_fields/);
    expect(() => compileCompanions([], { category: 'full-name', contacts: ['mail'] }, 'x.yml')).toThrow(/contact_owners\.contacts\[0\]/);
  });
});

describe('person-role words as the whole field', () => {
  test.each([
    ['receiver', 'Address'],
    ['nguoi_nhan', 'DonHang'],
    ['nguoiLienHe', 'CongTy'],
    ['consignee', 'Shipment'],
  ])('%s on %s is a name', (name, owner) => {
    expect(cat(name, owner)).toBe('full-name');
  });
  test('inside longer names the usual rules decide', () => {
    expect(cat('receiverId', 'Message')).toBeUndefined();
    expect(cat('receiverPhone', 'Order')).toBe('phone');
  });
});

describe('sessions, usage history, e-mail tracking, linked accounts', () => {
  test("a person's current session is their online activity; a session record's token is a credential", () => {
    expect(cat('currentRESTSession', 'User')).toBe('online-activity');
    expect(cat('sessionToken', 'Session')).toBe('credentials');
    expect(classifyIdentifier('sessionToken', 'Session')?.confidence).toBe('medium');
    expect(cat('session', 'Product')).toBeUndefined();
  });
  test("the requests and pages recorded in a person's history are online activity", () => {
    expect(cat('request', 'UserHistory')).toBe('online-activity');
    expect(cat('path', 'AccessLog')).toBe('online-activity');
    expect(cat('request', 'Product')).toBeUndefined();
  });
  test('when an invite or e-mail was opened or clicked is tracking', () => {
    expect(cat('openedAt', 'PollInvite')).toBe('online-activity');
    expect(cat('clickedAt', 'EmailRecipient')).toBe('online-activity');
    expect(cat('openedAt', 'Ticket')).toBeUndefined();
  });
  test("a linked account's external id identifies the person there", () => {
    expect(cat('externalId', 'inboxAccounts')).toBe('digital-account');
    expect(cat('externalId', 'customers')).toBeUndefined();
  });
});

describe('bank codes', () => {
  test("inside an account record they name the bank; on a person they are the person's bank details", () => {
    for (const f of ['bic', 'routingNumber', 'wireRoutingNumber', 'sortCode']) expect(cat(f, 'bankAccounts'), f).toBeUndefined();
    expect(cat('accountNumber', 'bankAccounts')).toBe('financial');
    expect(cat('bic', 'Employee')).toBe('financial');
    expect(cat('sortCode', 'Employee')).toBe('financial');
  });
});

describe('codes for verifying are secrets', () => {
  test.each([['otpVerify'], ['passwordConfirmation'], ['otpForgotPass']])('%s on a user is a credential', (name) => {
    expect(cat(name, 'User')).toBe('credentials');
  });
  test('verifying a contact detail is a flag, not the detail', () => {
    expect(cat('emailVerification', 'User')).toBeUndefined();
    expect(cat('phoneConfirm', 'User')).toBeUndefined();
  });
});

describe('"bệnh" opening a field', () => {
  test('is about the disease on a patient or a health record, not on a drug', () => {
    expect(cat('loai_benh', 'BenhNhan')).toBe('health');
    expect(cat('benh_ly', 'BenhNhan')).toBe('health');
    expect(cat('benh', 'Thuoc')).toBeUndefined();
    expect(cat('benh_vien_id', 'BenhNhan')).toBeUndefined();
  });
});
