import type { Target, YearTarget } from './targetSet';
import { formatTarget, formatTargets, parseAmount, parseTarget, parseTargetNumber, parseTargets } from './targetText';

const ge = (n: number, d = 1): Target => ({ comparator: '>=', value: { n, d } });
const gt = (n: number, d = 1): Target => ({ comparator: '>', value: { n, d } });
const le = (n: number, d = 1): Target => ({ comparator: '<=', value: { n, d } });
const range = (a: [number, number], b: [number, number]): Target => ({
  comparator: '>=',
  value: { n: a[0], d: a[1] },
  upper: { n: b[0], d: b[1] },
});

describe('formatTarget', () => {
  it.each<[Target, boolean, string]>([
    [ge(3, 20), true, '≥ 15%'],
    [ge(1), true, '≥ 100%'],
    [gt(19, 20), true, '> 95%'],
    [le(0), false, '≤ 0'],
    [le(0), true, '≤ 0%'],
    [range([9, 10], [19, 20]), true, '90%–95%'],
    [range([3, 50], [1, 10]), true, '6%–10%'],
    [ge(9000), false, '≥ 9.000'],
    [ge(1234567), false, '≥ 1.234.567'],
    [ge(1), false, '≥ 1'],
    [ge(1, 8), true, '≥ 12,5%'],
    [ge(3, 2), false, '≥ 1,5'],
    [ge(1, 3), true, '≥ 33,333333%'],
  ])('%j (fraction %s) → %s', (t, fraction, text) => {
    expect(formatTarget(t, fraction)).toBe(text);
  });

  it('joins year lists', () => {
    const list: YearTarget[] = [
      { byYear: 2023, target: ge(1) },
      { byYear: 2025, target: ge(4, 5) },
      { byYear: 2030, target: ge(17, 20) },
    ];
    expect(formatTargets(list, true)).toBe('đến 2023: ≥ 100%; đến 2025: ≥ 80%; đến 2030: ≥ 85%');
    expect(formatTargets(ge(120), false)).toBe('≥ 120');
  });
});

describe('parseTarget, fraction kinds', () => {
  it.each<[string, Target]>([
    ['≥ 15%', ge(3, 20)],
    ['>=15%', ge(3, 20)],
    ['=> 15 %', ge(3, 20)],
    ['15%', ge(3, 20)],
    ['ít nhất 15%', ge(3, 20)],
    ['IT NHAT 15%', ge(3, 20)],
    ['tối thiểu 15%', ge(3, 20)],
    ['từ 15% trở lên', ge(3, 20)],
    ['15% trở lên', ge(3, 20)],
    ['phấn đấu 95%', ge(19, 20)],
    ['đạt 100%', ge(1)],
    ['trên 95%', gt(19, 20)],
    ['> 95%', gt(19, 20)],
    ['trên 95% trở lên', ge(19, 20)],
    ['không quá 5%', le(1, 20)],
    ['tối đa 5%', le(1, 20)],
    ['5% trở xuống', le(1, 20)],
    ['<= 0', le(0)],
    ['≤0', le(0)],
    ['không có', le(0)],
    ['Không có CĐCS nào', le(0)],
    ['90% - 95%', range([9, 10], [19, 20])],
    ['90–95%', range([9, 10], [19, 20])],
    ['90 - 95', range([9, 10], [19, 20])],
    ['từ 90% đến 95%', range([9, 10], [19, 20])],
    ['từ 6 đến 10%', range([3, 50], [1, 10])],
    ['12,5%', ge(1, 8)],
    ['≥ 12,5%', ge(1, 8)],
    ['12.5%', ge(1, 8)],
    ['15 phần trăm', ge(3, 20)],
    ['  ≥   100%  ', ge(1)],
    ['≥ 20% số đoàn viên', ge(1, 5)],
  ])('%s', (text, expected) => {
    expect(parseTarget(text, true)).toEqual(expected);
  });

  it('reads a bare number above 1 as a percentage and one up to 1 as a fraction', () => {
    expect(parseTarget('15', true)).toEqual(ge(3, 20));
    expect(parseTarget('100', true)).toEqual(ge(1));
    expect(parseTarget('0,15', true)).toEqual(ge(3, 20));
    expect(parseTarget('0.9', true)).toEqual(ge(9, 10));
    expect(parseTarget('1', true)).toEqual(ge(1));
    expect(parseTarget('≥ 0,95', true)).toEqual(ge(19, 20));
  });

  it.each(['', 'abc', '≥', '-5%', '95% - 90%', '≥ 15% ≤ 20%', '< 5%', 'trên 90% - 95%', '15% (xem ghi chú)', '= 15%'])(
    'rejects %j',
    (text) => {
      expect(parseTarget(text, true)).toBeUndefined();
    },
  );
});

describe('parseTarget, plain-number kinds', () => {
  it.each<[string, Target]>([
    ['9.000', ge(9000)],
    ['9000', ge(9000)],
    ['≥ 9.000', ge(9000)],
    ['1.234.567', ge(1234567)],
    ['1.234,5', ge(2469, 2)],
    ['1,5', ge(3, 2)],
    ['ít nhất 01 cuộc', ge(1)],
    ['3.500 đoàn viên trở lên', ge(3500)],
    ['không quá 5', le(5)],
    ['không có', le(0)],
    ['0', ge(0)],
    ['30', ge(30)],
  ])('%s', (text, expected) => {
    expect(parseTarget(text, false)).toEqual(expected);
  });

  it('rejects a percent sign', () => {
    expect(parseTarget('15%', false)).toBeUndefined();
  });
});

describe('parseTargets', () => {
  const list: YearTarget[] = [
    { byYear: 2023, target: ge(1) },
    { byYear: 2025, target: ge(4, 5) },
  ];

  it.each([
    'đến 2023: ≥ 100%; đến 2025: ≥ 80%',
    '2023: ≥100%; 2025: ≥ 80%',
    '2023: ≥100%\n2025: ≥ 80%',
    'Đến năm 2023: 100%;\nĐến năm 2025: 80% trở lên;',
    'den 2025: >= 80%; den 2023: >= 100%',
  ])('year list %j', (text) => {
    expect(parseTargets(text, true)).toEqual(list);
  });

  it('reads a single target as a target', () => {
    expect(parseTargets('≥ 95%', true)).toEqual(ge(19, 20));
    expect(parseTargets('≥ 9.000', false)).toEqual(ge(9000));
  });

  it('reads a one-item year list as a list', () => {
    expect(parseTargets('2030: ≥ 300', false)).toEqual([{ byYear: 2030, target: ge(300) }]);
  });

  it.each(['đến 2023: ≥ 100%; ≥ 80%', '2023: ≥ 100%; 2023: ≥ 80%', '2023: abc', ';'])('rejects %j', (text) => {
    expect(parseTargets(text, true)).toBeUndefined();
  });

  it('round-trips what formatTargets writes', () => {
    const l: YearTarget[] = [
      { byYear: 2023, target: ge(13, 20) },
      { byYear: 2045, target: ge(99, 100) },
    ];
    expect(parseTargets(formatTargets(l, true), true)).toEqual(l);
    for (const t of [ge(1, 8), gt(19, 20), le(0), range([9, 10], [19, 20])]) {
      expect(parseTargets(formatTargets(t, true), true)).toEqual(t);
    }
    expect(parseTargets(formatTargets(ge(1234567), false), false)).toEqual(ge(1234567));
  });
});

describe('parseTargetNumber', () => {
  it('reads Excel numbers', () => {
    expect(parseTargetNumber(0.9, true)).toEqual(ge(9, 10));
    expect(parseTargetNumber(1, true)).toEqual(ge(1));
    expect(parseTargetNumber(90, true)).toEqual(ge(9, 10));
    expect(parseTargetNumber(0.1 + 0.2, true)).toEqual(ge(3, 10));
    expect(parseTargetNumber(1.125, true)).toEqual(ge(9, 800));
    expect(parseTargetNumber(9000, false)).toEqual(ge(9000));
    expect(parseTargetNumber(2.5, false)).toEqual(ge(5, 2));
  });

  it('rejects negative and non-finite numbers', () => {
    expect(parseTargetNumber(-1, false)).toBeUndefined();
    expect(parseTargetNumber(Number.NaN, true)).toBeUndefined();
    expect(parseTargetNumber(1e-9, true)).toBeUndefined();
  });
});

describe('parseAmount', () => {
  it('reads Vietnamese and plain numbers', () => {
    expect(parseAmount('2')).toEqual({ n: 2, d: 1 });
    expect(parseAmount('9.000')).toEqual({ n: 9000, d: 1 });
    expect(parseAmount('1,5')).toEqual({ n: 3, d: 2 });
    expect(parseAmount('abc')).toBeUndefined();
    expect(parseAmount('2 cuộc')).toBeUndefined();
  });
});

describe('a bare value typed over a target keeps its comparator', () => {
  it('takes the bare comparator only when none is typed', () => {
    expect(parseTarget('3', false, '<=')).toEqual(le(3));
    expect(parseTarget('0', false, '<=')).toEqual(le(0));
    expect(parseTarget('97', true, '>')).toEqual(gt(97, 100));
    expect(parseTarget('≥ 3', false, '<=')).toEqual(ge(3));
    expect(parseTarget('3 trở lên', false, '<=')).toEqual(ge(3));
    expect(parseTargetNumber(0, false, '<=')).toEqual(le(0));
    expect(parseTargets('2023: 5; 2025: ≥ 3', false, '<=')).toEqual([
      { byYear: 2023, target: le(5) },
      { byYear: 2025, target: ge(3) },
    ]);
  });

  it('a range keeps its own meaning', () => {
    expect(parseTarget('90% - 95%', true, '<=')).toEqual(range([9, 10], [19, 20]));
  });
});
