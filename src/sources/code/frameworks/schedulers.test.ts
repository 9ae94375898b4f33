import { describe, expect, test } from 'vitest';
import { flowsWith } from '../../../../test/helpers/frameworks.js';
import { schedulers } from './schedulers.js';

describe('schedulers', () => {
  test('a function run by cron.schedule or new CronJob that deletes records is a deletion job', () => {
    const code = `
cron.schedule('0 3 * * *', async () => { await Session.deleteMany({ old: true }); });
new CronJob('0 4 * * *', () => User.destroy({ stale: true }));`;
    expect(flowsWith([schedulers], code).evidence.map((e) => e.key)).toEqual(['deletion-job', 'deletion-job']);
    expect(flowsWith([], code).evidence).toEqual([]);
  });
});
