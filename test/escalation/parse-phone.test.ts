import { describe, expect, it } from 'vitest';
import { parsePhone } from '../../src/escalation/parse-phone.js';

describe('parsePhone', () => {
  it.each([
    ['13812345678', '13812345678'],
    ['138 1234 5678', '13812345678'],
    ['+86 139-1234-5678', '13912345678'],
    ['１３８１２３４５６７８', '13812345678'],
    ['0797-8123456', '0797-8123456'],
    ['07978123456', '0797-8123456'],
    ['010 62345678', '010-62345678'],
    ['我的手机是 13812345678，白天打', '13812345678'],
  ])('reads %s as %s', (input, expected) => {
    expect(parsePhone(input)).toBe(expected);
  });

  it.each(['12345', '12812345678', '1381234567', '8123456', '电话12345', '138123456789', '13812345678 或 13912345678', 'abc'])('refuses %s', (input) => {
    expect(parsePhone(input)).toBeUndefined();
  });
});
