import { describe, expect, test } from 'vitest';
import { declaredWith, walkedWith } from '../../../../test/helpers/frameworks.js';
import { joi, yup, zod } from './validators.js';

describe('schema validators', () => {
  test('z.object, Joi.object and yup.object declare fields of their own framework', () => {
    const code = `
import { z } from 'zod';
import Joi from 'joi';
import * as yup from 'yup';
export const A = z.object({ email: z.string().email() });
export const B = Joi.object({ phone: Joi.string() });
export const C = yup.object({ address: yup.string() });`;
    expect(declaredWith([zod, joi, yup], code)).toEqual(['A.email zod', 'B.phone joi', 'C.address yup']);
  });

  test('a bare object({...}) is a yup schema only when the file imports yup; markers end with a quote', () => {
    const code = `export const S = object({ email: string().email() });`;
    expect(declaredWith([zod, joi, yup], code)).toEqual([]);
    expect(declaredWith([zod, joi, yup], `import { object, string } from 'yup';\n${code}`)).toEqual(['S.email yup']);
    expect(walkedWith([zod, joi, yup], `const x = a.join(',');`)).toBe(false);
    expect(walkedWith([joi], `import Joi from 'joi';`)).toBe(true);
  });

  test('a schema root named like an Object prototype member is not taken for a framework (the values decide)', () => {
    const code = `import { z } from 'zod';
export const A = constructor.object({ email: z.string() });
export const B = toString.object({ phone: z.string() });`;
    expect(declaredWith([zod, joi, yup], code)).toEqual(['A.email zod', 'B.phone zod']);
  });
});
