import { describe, expect, test } from 'vitest';
import { flowsWith, returnsOf, walkedWith } from '../../../../test/helpers/frameworks.js';
import { classValidator } from './class-validator.js';

describe('class-validator and class-transformer', () => {
  test('DTO files are walked for declarations', () => {
    expect(walkedWith([classValidator], `import { IsEmail } from 'class-validator';`)).toBe(true);
    expect(walkedWith([classValidator], 'export class CreateUserDto {}')).toBe(true);
  });

  test('plainToInstance gives back the data it converts', () => {
    const code = `export function toDto(email: string) { return plainToInstance(UserDto, { email }); }`;
    expect(returnsOf(flowsWith([classValidator], code), 'toDto')).toEqual(['cat:digital-account']);
  });
});
