import { describe, expect, test } from 'vitest';
import { declaredWith, flowsWith } from '../../../../test/helpers/frameworks.js';
import { sequelize } from './sequelize.js';

describe('sequelize', () => {
  test('sequelize.define declares the model fields', () => {
    const code = `import { Sequelize, DataTypes } from 'sequelize';\nconst User = sequelize.define('User', { email: DataTypes.STRING, phone: { type: DataTypes.STRING } });`;
    expect(declaredWith([sequelize], code)).toEqual(['User.email sequelize', 'User.phone sequelize']);
  });

  test('@Table classes are persistent sequelize types', () => {
    const flows = flowsWith([sequelize], `@Table export class Member extends Model { @Column email: string; }`);
    expect(flows.types[0]).toMatchObject({ name: 'Member', persistent: true, framework: 'sequelize' });
  });
});
