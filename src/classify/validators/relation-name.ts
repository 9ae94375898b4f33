/**
 * relation-name: "<relation label><separator><name>", e.g. "Họ tên cha: Nguyễn Văn Bình",
 * "ten_me": "Trần Thị Hoa", "Father's name: John Smith". The whole span is the value so that the
 * family finding covers the label too (the relation is what makes it family data); the part
 * after the last separator must pass person-name.
 */
import { fail, ok, type Validator } from './types.js';
import { personName } from './person-name.js';

export const relationName: Validator = (value) => {
  const m = /^(.*?)[ \t"'`*]*(?:[:=|]|=>)[ \t"'`*]*([^:=|]*)$/su.exec(value.normalize('NFC'));
  if (!m) return fail('no separator between the relation label and the name');
  const res = personName(m[2]!.trim());
  return res.valid ? ok(`name of a family member after "${m[1]!.trim()}"`) : fail(res.reason);
};
