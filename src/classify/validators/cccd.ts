/**
 * CCCD (căn cước công dân / số định danh cá nhân): 12 digits =
 *   3-digit province-of-birth-registration code + century/sex digit + 2 birth-year digits + 6 random digits.
 * Source: Circular 07/2016/TT-BCA Art. 7 and its appendix (63 province codes), kept by Circular 59/2021/TT-BCA.
 * Century/sex digit: 0/1 = 20th century male/female, 2/3 = 21st, 4/5 = 22nd, 6/7 = 23rd, 8/9 = 24th.
 */
import { digitsOf, fail, ok, type Validator } from './types.js';

/** Province codes of the CCCD (before the 2025 province mergers; existing numbers keep them). */
export const CCCD_PROVINCES: Readonly<Record<string, string>> = {
  '001': 'Hà Nội', '002': 'Hà Giang', '004': 'Cao Bằng', '006': 'Bắc Kạn', '008': 'Tuyên Quang',
  '010': 'Lào Cai', '011': 'Điện Biên', '012': 'Lai Châu', '014': 'Sơn La', '015': 'Yên Bái',
  '017': 'Hòa Bình', '019': 'Thái Nguyên', '020': 'Lạng Sơn', '022': 'Quảng Ninh', '024': 'Bắc Giang',
  '025': 'Phú Thọ', '026': 'Vĩnh Phúc', '027': 'Bắc Ninh', '030': 'Hải Dương', '031': 'Hải Phòng',
  '033': 'Hưng Yên', '034': 'Thái Bình', '035': 'Hà Nam', '036': 'Nam Định', '037': 'Ninh Bình',
  '038': 'Thanh Hóa', '040': 'Nghệ An', '042': 'Hà Tĩnh', '044': 'Quảng Bình', '045': 'Quảng Trị',
  '046': 'Thừa Thiên Huế', '048': 'Đà Nẵng', '049': 'Quảng Nam', '051': 'Quảng Ngãi', '052': 'Bình Định',
  '054': 'Phú Yên', '056': 'Khánh Hòa', '058': 'Ninh Thuận', '060': 'Bình Thuận', '062': 'Kon Tum',
  '064': 'Gia Lai', '066': 'Đắk Lắk', '067': 'Đắk Nông', '068': 'Lâm Đồng', '070': 'Bình Phước',
  '072': 'Tây Ninh', '074': 'Bình Dương', '075': 'Đồng Nai', '077': 'Bà Rịa - Vũng Tàu', '079': 'Hồ Chí Minh',
  '080': 'Long An', '082': 'Tiền Giang', '083': 'Bến Tre', '084': 'Trà Vinh', '086': 'Vĩnh Long',
  '087': 'Đồng Tháp', '089': 'An Giang', '091': 'Kiên Giang', '092': 'Cần Thơ', '093': 'Hậu Giang',
  '094': 'Sóc Trăng', '095': 'Bạc Liêu', '096': 'Cà Mau',
};

export interface CccdParts {
  province: string;
  male: boolean;
  birthYear: number;
}

/** Parse the structure; `undefined` when the digits cannot be a CCCD at all. */
export function parseCccd(digits: string): CccdParts | undefined {
  if (!/^\d{12}$/.test(digits)) return undefined;
  const province = CCCD_PROVINCES[digits.slice(0, 3)];
  if (!province) return undefined;
  const cs = Number(digits[3]);
  return { province, male: cs % 2 === 0, birthYear: 1900 + Math.floor(cs / 2) * 100 + Number(digits.slice(4, 6)) };
}

/** `now` is injectable for tests; the registered validator reads the clock on every call. */
export function cccdValidator(now: () => Date = () => new Date()): Validator {
  return (value) => {
    const d = digitsOf(value);
    if (d.length !== 12) return fail(`${d.length} digits, a CCCD has 12`);
    const parts = parseCccd(d);
    if (!parts) return fail(`province code ${d.slice(0, 3)} is not one of the 63 CCCD codes`);
    if (parts.birthYear > now().getFullYear()) return fail(`birth year ${parts.birthYear} lies in the future`);
    if (/^0{6}$/.test(d.slice(6))) return fail('serial part is all zeros');
    return ok(`CCCD structure: province ${parts.province}, ${parts.male ? 'male' : 'female'}, born ${parts.birthYear}`, true);
  };
}

export const cccd: Validator = cccdValidator();
