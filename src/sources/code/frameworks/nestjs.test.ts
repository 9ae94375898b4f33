import { describe, expect, test } from 'vitest';
import { flowsWith, returnsOf } from '../../../../test/helpers/frameworks.js';
import { nestjs } from './nestjs.js';

describe('nestjs', () => {
  const code = `
@Controller('patients')
@UseGuards(AuthGuard)
export class PatientsController {
  @Post()
  create(@Body() dto: CreatePatientDto) { return dto; }
  @Get(':id')
  byEmail(@Query('email') q: string) { return q; }
  @Cron('0 0 * * *')
  purge() { return Patient.deleteMany({}); }
}`;

  test('request decorators are sources; controller and method decorators make the route', () => {
    const flows = flowsWith([nestjs], code);
    expect(returnsOf(flows, 'PatientsController.create')).toEqual(['type:CreatePatientDto (request body (CreatePatientDto))']);
    expect(returnsOf(flows, 'PatientsController.byEmail')).toEqual(['cat:digital-account']);
    expect(flows.fns.get('src/app#PatientsController.create')!.route).toBe('/patients');
    expect(flows.urlInputs.map((u) => `${u.field} ${u.cat}`)).toEqual(['email digital-account']);
  });

  test('guards are access-control evidence; @Cron jobs that delete are retention evidence', () => {
    const keys = flowsWith([nestjs], code).evidence.map((e) => e.key);
    expect(keys).toContain('access-control:guard');
    expect(keys).toContain('deletion-job');
  });
});
