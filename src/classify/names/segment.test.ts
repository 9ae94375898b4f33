import { describe, expect, test } from 'vitest';
import { isSyllable, segmentGlued } from './segment.js';
import { loadLexicon } from './lexicon.js';
import { classifyIdentifier } from '../names.js';

const words = loadLexicon().words;

describe('Vietnamese syllables', () => {
  test.each(['ngay', 'nguoi', 'khoe', 'truong', 'quyen', 'nghiep', 'gia', 'thuong', 'am'])('%s is a syllable', (s) => {
    expect(isSyllable(s)).toBe(true);
  });
  test.each(['phone', 'street', 'cccd', 'email', 'ss', 'head'])('%s is not', (s) => {
    expect(isSyllable(s)).toBe(false);
  });
});

describe('segmentGlued', () => {
  test.each([
    ['ngaycapcccd', 'ngay cap cccd'],
    ['hotenbenhnhan', 'ho ten benh nhan'],
    ['sdtnhanvien', 'sdt nhan vien'],
    ['tinhtrangsuckhoe', 'tinh trang suc khoe'],
    ['noicapcmnd', 'noi cap cmnd'],
  ])('%s → %s', (token, cut) => {
    expect(segmentGlued(token, words)?.join(' ')).toBe(cut);
  });

  test.each(['iphone', 'microphone', 'headphone', 'saxophone', 'smartphone', 'password', 'hostname', 'short'])(
    '%s (English, or too short) is not cut',
    (token) => {
      expect(segmentGlued(token, words)).toBeUndefined();
    },
  );
});

describe('glued names classified through the cut', () => {
  test.each([
    ['ngaycapcccd', 'NhanVien', 'national-id'],
    ['noicapcmnd', 'NhanVien', 'national-id'],
    ['sodienthoainguoithan', 'NhanVien', 'phone'],
    ['hotennguoithan', 'NhanVien', 'family'],
    ['sotaikhoannganhang', 'NhanVien', 'financial'],
  ])('%s on %s → %s', (name, owner, category) => {
    expect(classifyIdentifier(name, owner)?.category).toBe(category);
  });

  test('English compounds are not misread as Vietnamese', () => {
    for (const name of ['iphone', 'saxophone', 'microphone']) expect(classifyIdentifier(name, 'User')).toBeUndefined();
  });
});
