import { describe, expect, it } from 'vitest';
import { maskPersonalNumbers } from '../../src/consultation/mask-personal-numbers.js';

describe('maskPersonalNumbers', () => {
  it.each([
    ['我电话13812345678你打给我', '我电话[电话]你打给我'],
    ['电话 138 1234 5678', '电话 [电话]'],
    ['+86 13912345678', '[电话]'],
    ['１３８１２３４５６７８', '[电话]'],
    ['身份证110101199003071234', '身份证[身份证号]'],
    ['身份证11010119900307123X号', '身份证[身份证号]号'],
    ['卡号6222021234567890123', '卡号[卡号]'],
    ['座机0797-8123456', '座机[电话]'],
  ])('masks %s', (input, expected) => {
    expect(maskPersonalNumbers(input)).toBe(expected);
  });

  it.each(['借了5000元，2023年3月还', '欠我20000块钱三年了', '民法典第1079条', '2026年11月28日'])('leaves amounts, dates and articles alone: %s', (input) => {
    expect(maskPersonalNumbers(input)).toBe(input);
  });
});
