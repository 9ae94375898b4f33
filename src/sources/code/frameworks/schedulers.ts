/** Job schedulers (node-cron, node-schedule, cron, agenda, Bull, setInterval): the functions they run are scheduled jobs. */
import type { Framework } from '../engine/framework-api.js';

export const schedulers: Framework = {
  id: 'schedulers',
  description: 'node-cron, node-schedule, cron, agenda, Bull repeat, setInterval: scheduled jobs (retention evidence)',
  routes: {
    scheduleCalls: ['schedule', 'scheduleJob', 'every', 'define', 'CronJob', 'setInterval', 'cron', 'repeat'],
    scheduleConstructors: ['CronJob', 'Cron'],
  },
};
