import { headerDisplayText, headerReadings, stripFootnotes, stripParenthesised } from './headerText';

describe('headerDisplayText', () => {
  it('cleans, converts legacy text, keeps numbers as digits', () => {
    expect(headerDisplayText('  Số đoàn\nviên ')).toBe('Số đoàn viên');
    expect(headerDisplayText('Số đoàn viên'.normalize('NFD'))).toBe('Số đoàn viên');
    expect(headerDisplayText('M· ®¬n vÞ')).toBe('Mã đơn vị'); // TCVN3
    expect(headerDisplayText('Maõ ñôn vò')).toBe('Mã đơn vị'); // VNI
    expect(headerDisplayText(2024)).toBe('2024');
    expect(headerDisplayText(null)).toBe('');
    expect(headerDisplayText(true)).toBe('');
    expect(headerDisplayText({ error: '#REF!' })).toBe('');
  });
});

describe('stripFootnotes', () => {
  it.each([
    ['Số đoàn viên (*)', 'Số đoàn viên'],
    ['Số đoàn viên (**)', 'Số đoàn viên'],
    ['Số đoàn viên*', 'Số đoàn viên'],
    ['Số đoàn viên (1)', 'Số đoàn viên'],
    ['Số đoàn viên [12]', 'Số đoàn viên'],
    ['Số đoàn viên¹', 'Số đoàn viên'],
    ['Số đoàn viên ³', 'Số đoàn viên'],
    // money written as (1.000đ) is not a footnote
    ['Kinh phí (1.000đ)', 'Kinh phí (1.000đ)'],
  ])('%j → %j', (text, out) => expect(stripFootnotes(text)).toBe(out));
});

describe('stripParenthesised', () => {
  it('drops units in parentheses', () => {
    expect(stripParenthesised('Số đoàn viên (người)')).toBe('Số đoàn viên');
    expect(stripParenthesised('Tỷ lệ (%)')).toBe('Tỷ lệ');
  });
});

describe('headerReadings', () => {
  it('converted text first, and both conversions for short legacy text', () => {
    expect(headerReadings('Sè ®oµn viªn (*)')[0]).toBe('Số đoàn viên');
    // "Cã" is too short for the detector: both readings are offered, TCVN3 gives "Có".
    expect(headerReadings('Cã')).toContain('Có');
    expect(headerReadings('Số đoàn viên')).toEqual(['Số đoàn viên']);
  });
});
