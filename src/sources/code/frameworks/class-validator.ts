/**
 * class-validator / class-transformer DTOs: validated classes declare input fields (every property
 * counts); transformer decorators alone make no field, @Exclude hides one; plainToInstance keeps
 * the data.
 */
import type { Framework } from '../engine/framework-api.js';

/** class-validator's property decorators. */
const VALIDATORS = /^(Is[A-Z]\w*|Min|Max|MinLength|MaxLength|Length|Matches|Contains|Equals|NotEquals|ValidateNested|ValidateIf|ArrayNotEmpty|ArrayMinSize|ArrayMaxSize|Allow)$/;

export const classValidator: Framework = {
  id: 'class-validator',
  description: 'class-validator DTO classes and class-transformer conversions',
  declarations: {
    markers: ['class-validator', 'dto'],
    decorators: {
      input: true,
      propertyPattern: VALIDATORS,
      neutral: ['Exclude', 'Expose', 'Transform', 'Type'],
      protections: { Exclude: { kind: 'hidden', key: 'access-control:exclude-from-serialization', description: 'excluded from serialized output (@Exclude)' } },
    },
  },
  calls: { argPass: ['plainToInstance', 'plainToClass', 'instanceToPlain', 'classToPlain'] },
};
