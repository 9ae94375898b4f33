import type { Validator } from './types.js';
import { bankAccount } from './bank-account.js';
import { bhyt } from './bhyt.js';
import { cccd } from './cccd.js';
import { cmnd } from './cmnd.js';
import { emailPersonal } from './email-personal.js';
import { imei } from './imei.js';
import { ipPublic } from './ip-public.js';
import { latLng } from './lat-lng.js';
import { luhn } from './luhn.js';
import { mrz } from './mrz.js';
import { mst } from './mst.js';
import { napas } from './napas.js';
import { paymentCard } from './payment-card.js';
import { username } from './username.js';
import { vietqrCrc } from './vietqr-crc.js';
import { vnPhone } from './vn-phone.js';
import { vnPlate } from './vn-plate.js';

/** Checksum and structure validators for identifiers (CCCD, MST, cards, ...), by the name rule files use. */
export const identifierValidators: Record<string, Validator> = {
  'bank-account': bankAccount,
  bhyt,
  cccd,
  cmnd,
  'email-personal': emailPersonal,
  imei,
  'ip-public': ipPublic,
  'lat-lng': latLng,
  luhn,
  mrz,
  mst,
  napas,
  'payment-card': paymentCard,
  username,
  'vietqr-crc': vietqrCrc,
  'vn-phone': vnPhone,
  'vn-plate': vnPlate,
};
