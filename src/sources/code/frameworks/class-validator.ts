/** class-validator / class-transformer DTOs: validated classes declare input fields; plainToInstance keeps the data. */
import type { Framework } from '../engine/framework-api.js';

export const classValidator: Framework = {
  id: 'class-validator',
  description: 'class-validator DTO classes and class-transformer conversions',
  declarations: { markers: ['class-validator', 'dto'] },
  calls: { argPass: ['plainToInstance', 'plainToClass', 'instanceToPlain', 'classToPlain'] },
};
