import { describe, expect, test } from 'vitest';
import { declaredWith } from '../../../../test/helpers/frameworks.js';
import { medusa } from './medusa.js';

describe('medusa', () => {
  test('model.define declares fields in a file that imports @medusajs/', () => {
    const code = `const Customer = model.define('customer', { email: model.text(), phone: model.text().nullable() });`;
    expect(declaredWith([medusa], `import { model } from '@medusajs/framework/utils';\n${code}`)).toEqual(['customer.email medusa', 'customer.phone medusa']);
    expect(declaredWith([medusa], code)).toEqual([]);
  });
});
