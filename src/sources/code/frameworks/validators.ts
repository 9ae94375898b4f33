/**
 * Schema validators zod, Joi and yup: `z.object({ email: z.string().email() })`. One call shape
 * for the three, so one extractor (declarations/ts/builders.ts), registered once with zod; the
 * field's framework comes from the builder's root (z, Joi, yup).
 */
import type { Framework } from '../engine/framework-api.js';
import { validationBuilderFields } from '../declarations/ts/builders.js';

export const zod: Framework = {
  id: 'zod',
  description: 'zod object schemas (and, through the same extractor, Joi and yup)',
  declarations: { markers: ["zod'", 'zod"', 'zod/'], call: validationBuilderFields },
};

export const joi: Framework = { id: 'joi', description: 'Joi object schemas', declarations: { markers: ["joi'", 'joi"'] } };

export const yup: Framework = {
  id: 'yup',
  description: 'yup object schemas (a bare `object({...})` counts when the file imports yup)',
  declarations: {
    markers: ["yup'", 'yup"'],
    mentionedIn: (lower) => lower.includes("from 'yup'") || lower.includes('from "yup"') || lower.includes("require('yup')"),
  },
};
