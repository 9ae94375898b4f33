import type { Validator } from './types.js';
import { vnName } from './vn-name.js';
import { vnNameLenient } from './vn-name-lenient.js';
import { vnNameGraded } from './vn-name-graded.js';
import { personName } from './person-name.js';
import { relationName } from './relation-name.js';
import { birthDate } from './birth-date.js';
import { vnAddress } from './vn-address.js';
import { vnAddressValue } from './vn-address-value.js';
import { icd10 } from './icd10.js';
import { diagnosisTerm } from './diagnosis-term.js';
import { recordValue } from './record-value.js';
import { credentialValue } from './credential-value.js';
import { biometricTemplate } from './biometric-template.js';

/** Validators for text detectors (names, dates, addresses, credentials...). */
export const textValidators: Record<string, Validator> = {
  'vn-name': vnName,
  'vn-name-lenient': vnNameLenient,
  'vn-name-graded': vnNameGraded,
  'person-name': personName,
  'relation-name': relationName,
  'birth-date': birthDate,
  'vn-address': vnAddress,
  'vn-address-value': vnAddressValue,
  icd10,
  'diagnosis-term': diagnosisTerm,
  'record-value': recordValue,
  'credential-value': credentialValue,
  'biometric-template': biometricTemplate,
};
