/**
 * Record kinds (rules/names.yml `records`): a model named as one person's record of one kind passes
 * its category to its value fields, and free text on a person's own model is about that person.
 * Synthetic models only; each positive beside what must stay out (ids, dates, counters, statuses,
 * flags, references, a payslip's hours, a shop's gateway payment, a drug catalogue).
 */
import { describe, expect, test } from 'vitest';
import { extractPrisma } from './prisma.js';
import { fieldsToFindings } from './findings.js';

/**
 * Prisma models from `{ Model: ['field Type', ...] }` (each with an id), checked against
 * `{ 'Model.field': category, or null for "not reported" }`.
 */
function expectCategories(models: Record<string, string[]>, expected: Record<string, string | null>): void {
  const schema = Object.entries(models)
    .map(([name, fields]) => `model ${name} {\n  id String @id\n${fields.map((f) => `  ${f}`).join('\n')}\n}`)
    .join('\n');
  const { findings } = fieldsToFindings('schema.prisma', extractPrisma(schema).fields);
  const got = Object.fromEntries(findings.map((f) => [`${String(f.properties!.model)}.${String(f.properties!.field)}`, f.category]));
  for (const [field, category] of Object.entries(expected)) expect(got[field] ?? null, field).toBe(category);
}

describe('record kinds', () => {
  test('a body-measurement record passes health to its values, not to its ids, dates and counters', () => {
    expectCategories(
      {
        BodyMeasurement: ['memberId String', 'member Member @relation(fields: [memberId], references: [id])', 'weekNumber Int', 'recordedAt DateTime',
          'restingPulse Float?', 'sleepScore Int?', 'nausea Boolean?', 'isArchived Boolean', 'status Status', 'remarks String?'],
      },
      {
        'BodyMeasurement.restingPulse': 'health',
        'BodyMeasurement.sleepScore': 'health',
        'BodyMeasurement.nausea': 'health',
        'BodyMeasurement.remarks': 'health',
        'BodyMeasurement.id': null,
        'BodyMeasurement.weekNumber': null,
        'BodyMeasurement.recordedAt': null,
        'BodyMeasurement.isArchived': null,
        'BodyMeasurement.status': null,
      },
    );
  });

  test('a prescription line is health, a drug catalogue is not', () => {
    expectCategories(
      { PrescriptionLine: ['quantity Int', 'strength String', 'timing String'], Drug: ['name String', 'strength String', 'price Decimal', 'notes String?'] },
      {
        'PrescriptionLine.strength': 'health',
        'PrescriptionLine.timing': 'health',
        'PrescriptionLine.quantity': null,
        'Drug.name': null,
        'Drug.strength': null,
        'Drug.price': null,
        'Drug.notes': null,
      },
    );
  });

  test("a payslip's amounts are financial; its hours, grade, note, status and flags are not", () => {
    expectCategories(
      {
        Payslip: ['staffId String', 'nightShiftPay Decimal', 'lunchAllowanceAmt Decimal', 'bhxhEmployee Decimal', 'extraHours Decimal', 'workUnits Decimal',
          'payGrade Int', 'note String?', 'status PayStatus', 'locked Boolean', 'month DateTime'],
      },
      {
        'Payslip.nightShiftPay': 'financial',
        'Payslip.lunchAllowanceAmt': 'financial',
        'Payslip.bhxhEmployee': 'financial',
        'Payslip.staffId': null,
        'Payslip.extraHours': null,
        'Payslip.workUnits': null,
        'Payslip.payGrade': null,
        'Payslip.note': null,
        'Payslip.status': null,
        'Payslip.locked': null,
        'Payslip.month': null,
      },
    );
  });

  test("a payment linked only to an order is the shop's gateway record; a person's payment is financial", () => {
    // a partner code names the gateway's merchant, not a person linked to the payment
    expectCategories({ Payment: ['orderId String', 'partnerCode String?', 'amount Decimal', 'bankCode String?'] }, { 'Payment.amount': null, 'Payment.bankCode': null });
    expectCategories({ Payment: ['userId String', 'amount Decimal'] }, { 'Payment.amount': 'financial' });
  });

  test('free text on a person is private life; on a product, an appointment or about an order it is not', () => {
    expectCategories(
      { Customer: ['note String?', 'orderNote String?'], Product: ['notes String?'], Appointment: ['customerId String', 'notes String?'] },
      { 'Customer.note': 'private-life', 'Customer.orderNote': null, 'Product.notes': null, 'Appointment.notes': null },
    );
    // a customer that is a company (industry, head count): what is written about it is not about a person
    expectCategories({ Customer: ['industry String', 'employeeCount Int', 'note String?'] }, { 'Customer.note': null });
  });

  test('a private message and a leave request: what the person wrote; a system message says nothing', () => {
    expectCategories(
      {
        ChatMessage: ['senderId String', 'content String', 'isRead Boolean'],
        LeaveRequest: ['employeeId String', 'reason String?', 'totalDays Int'],
        SystemMessage: ['content String'],
      },
      {
        'ChatMessage.content': 'private-life',
        'ChatMessage.isRead': null,
        'LeaveRequest.reason': 'private-life',
        'LeaveRequest.totalDays': null,
        'SystemMessage.content': null,
      },
    );
  });
});
