/**
 * Translation libraries (i18next, react-i18next, next-intl, vue-i18n, i18n-js, y18n): `t(key,
 * values)` gives back the message with the values put in, so an e-mail body built by
 * `i18n.t('signup.message', { email: user.email })` carries the e-mail address.
 */
import type { Framework } from '../engine/framework-api.js';

export const i18n: Framework = {
  id: 'i18n',
  description: 'translation calls (t, __, translate): the message carries the values interpolated into it',
  packages: ['i18next', 'react-i18next', 'next-i18next', 'next-intl', 'vue-i18n', 'i18n', 'i18n-js', 'y18n', '@lingui/core'],
  calls: { argPass: ['t', '__', 'translate', 'tc'] },
};
