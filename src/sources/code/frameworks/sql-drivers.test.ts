import { describe, expect, test } from 'vitest';
import { flowsWith, sinks } from '../../../../test/helpers/frameworks.js';
import { sqlDrivers } from './sql-drivers.js';

describe('sql-drivers', () => {
  test('INSERT and UPDATE statements store their bound values, whatever the receiver', () => {
    const code = `
import db from './db';
export async function add(guest_fullname: string, guest_id_card: string) {
  await db.promise().query(\`INSERT INTO bookings (guest_fullname, guest_id_card) VALUES (?, ?)\`, [guest_fullname, guest_id_card]);
  db.query('UPDATE \`guests\` SET fullname = ? WHERE id = 1', [guest_fullname], () => {});
}`;
    expect(sinks(flowsWith([sqlDrivers], code))).toEqual(['db.promise.query → storage: SQL (bookings)', 'db.query → storage: SQL (guests)']);
  });

  test('a statement built in a template keeps its table and writes what is interpolated; SELECT is no write', () => {
    const code = `
export async function add(pool: any, email: string) {
  await pool.execute(\`insert into public.users (email) values ('\${email}')\`);
  await pool.query('SELECT id FROM users WHERE email = ?', [email]);
}`;
    expect(sinks(flowsWith([sqlDrivers], code))).toEqual(['pool.execute → storage: SQL (users)']);
  });

  test('a statement held in a local constant is read where it was declared; a SELECT constant decides nothing is written', () => {
    const code = `
export async function add(db: any, guest_fullname: string, guest_cccd: string, sql: string) {
  const insertQuery = \`
    INSERT INTO reservations (guest_fullname, guest_cccd) VALUES (?, ?)\`;
  db.query(insertQuery, [guest_fullname, guest_cccd], () => {});
  const q = 'SELECT * FROM reservations WHERE guest_cccd = ?';
  db.query(q, [guest_cccd]);
  db.query(sql, [guest_cccd]);
}`;
    expect(sinks(flowsWith([sqlDrivers], code))).toEqual(['db.query → storage: SQL (reservations)']);
  });
});
