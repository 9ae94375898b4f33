import { describe, expect, test } from 'vitest';
import { extractApiDoc, sniffApiDoc } from './openapi.js';
import { extractDeclarations } from './index.js';
import { fixture, summary } from '../../../../test/helpers/declarations.js';

describe('OpenAPI / JSON Schema', () => {
  test('sniffing', () => {
    expect(sniffApiDoc('api/openapi.yaml', 'openapi: 3.0.0\n')).toBe('openapi');
    expect(sniffApiDoc('swagger.json', '{\n  "swagger": "2.0"}')).toBe('openapi');
    expect(sniffApiDoc('x/user.schema.json', '{}')).toBe('json-schema');
    expect(sniffApiDoc('a.json', '{"$schema": "http://json-schema.org/draft-07/schema#"}')).toBe('json-schema');
    expect(sniffApiDoc('package.json', '{"name": "x", "openapi_version": 1}')).toBeUndefined();
    expect(sniffApiDoc('docker-compose.yml', 'services:\n  db: {}\n')).toBeUndefined();
  });

  test('components, nested properties, request bodies and parameters', () => {
    const { path, text } = fixture('openapi.yaml');
    const r = extractDeclarations(path, text);
    expect(summary(r.findings)).toEqual(
      [
        'Patient.contact digital-account',
        'Patient.dateOfBirth date-of-birth',
        'Patient.address.street address',
        'Patient.address.city address',
        'Patient.diagnoses health',
        'POST /patients.hoTen full-name',
        'POST /patients.soDienThoai phone',
        'GET /patients.phone phone',
      ].sort(),
    );
    const contact = r.findings.find((f) => f.properties!['field'] === 'contact')!;
    expect(contact.location).toMatchObject({ line: 34, column: 9 });
    expect(contact.properties!['type']).toBe('string/email');
  });

  test('$ref properties and object containers are not fields themselves', () => {
    const { path, text } = fixture('openapi.yaml');
    const names = extractApiDoc(path, text, 'openapi').fields.filter((f) => !f.skip).map((f) => f.field);
    expect(names).not.toContain('insurance');
    expect(names).not.toContain('address');
  });

  test('JSON Schema: root title, $defs and format hints', () => {
    const { path, text } = fixture('user.schema.json');
    const r = extractDeclarations(path, text);
    expect(summary(r.findings)).toEqual(['Location.latitude location', 'Location.longitude location', 'User.firstName full-name', 'User.lastName full-name', 'User.secret credentials']);
    expect(r.findings.find((f) => f.properties!['field'] === 'secret')!.explain!.join(' ')).toContain('format: password');
  });

  test('broken documents are reported, not thrown', () => {
    const { path, text } = fixture('broken-openapi.yaml');
    const r = extractDeclarations(path, text);
    expect(r.findings).toEqual([]);
    expect(r.problem).toMatch(/invalid OpenAPI document/);
  });

  test('other YAML and JSON files are ignored quietly', () => {
    expect(extractDeclarations('config/app.yml', 'phone: 1\nemail: x\n')).toEqual({ findings: [], evidence: [] });
  });
});
