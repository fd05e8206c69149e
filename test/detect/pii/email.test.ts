// E-mail addresses as they appear in Korean and English support text.
import { describe, expect, it } from 'vitest';
import { found } from './found.js';

describe('email', () => {
  it.each([
    ['이메일 ops-team23@gmail.com 로', 'ops-team23@gmail.com'],
    ['email: minji.kim43@example.co.kr;', 'minji.kim43@example.co.kr'],
    ['jhpark@daum.net으로 보내주세요', 'jhpark@daum.net'],
    ['mail me at a_b+tag@sub.example.org.', 'a_b+tag@sub.example.org'],
    ['ｈｏｎｇ＠ｅｘａｍｐｌｅ．ｃｏｍ', 'ｈｏｎｇ＠ｅｘａｍｐｌｅ．ｃｏｍ'],
    ['<hana2024@korea.kr>', 'hana2024@korea.kr'],
  ])('finds it in %j', (text, value) => {
    expect(found(text, 'email')).toEqual([value]);
  });

  it.each([
    ['a retina image name', 'icon@2x.png'],
    ['a package version', 'lodash@4.17.21'],
    ['a scoped package', '@types/node'],
    ['consecutive dots', 'a..b@example.com'],
    ['no top-level domain', 'user@localhost'],
  ])('ignores %s', (_why, text) => {
    expect(found(text, 'email', 0)).toEqual([]);
  });
});
