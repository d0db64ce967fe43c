import { isBlankCell, labelReadings, labelWords, startsWithWords, wordIs } from './labelText';

describe('labelReadings', () => {
  it('trims, collapses spaces and composes NFD text', () => {
    expect(labelReadings('  Tổng   cộng ')).toEqual(['Tổng cộng']);
    // 'Tổng cộng' typed in decomposed form: o + circumflex + hook, o + circumflex + dot below.
    const nfd = 'To\u0302\u0309ng co\u0323\u0302ng';
    expect(labelReadings(nfd)).toEqual(['Tổng cộng']);
  });

  it('converts TCVN3 and VNI labels (the first reading is the Unicode one)', () => {
    // TCVN3: æ = ổ, é = ộ. VNI: "oå" = ổ, "oä" = ộ.
    expect(labelReadings('Tæng céng')[0]).toBe('Tổng cộng');
    expect(labelReadings('Toång coäng')).toContain('Tổng cộng');
    // Too short for the detector: both conversions are offered.
    expect(labelReadings('Céng')).toContain('Cộng');
  });

  it('gives nothing for numbers, blanks and other values', () => {
    expect(labelReadings(12)).toEqual([]);
    expect(labelReadings('   ')).toEqual([]);
    expect(labelReadings(null)).toEqual([]);
  });
});

describe('labelWords / wordIs / startsWithWords', () => {
  it('splits on spaces and punctuation, lower case, without parenthesised parts', () => {
    expect(labelWords('Cộng khối I:')).toEqual(['cộng', 'khối', 'i']);
    expect(labelWords('TỔNG SỐ (I+II+III)')).toEqual(['tổng', 'số']);
    expect(labelWords('Trong đó: nữ')).toEqual(['trong', 'đó', 'nữ']);
  });

  it('a word matches with the right diacritics or with none at all', () => {
    expect(wordIs('cộng', 'cộng')).toBe(true);
    expect(wordIs('cong', 'cộng')).toBe(true);
    expect(wordIs('công', 'cộng')).toBe(false); // a company (Công ty), not a subtotal
    expect(wordIs('khoi', 'khối')).toBe(true);
    expect(wordIs('do', 'đó')).toBe(true);
    expect(wordIs(undefined, 'cộng')).toBe(false);
  });

  it('startsWithWords compares word by word', () => {
    expect(startsWithWords(['khu', 'vuc', 'mien', 'nui'], ['khu', 'vực'])).toBe(true);
    expect(startsWithWords(['khu'], ['khu', 'vực'])).toBe(false);
  });

  it('isBlankCell: empty and spaces only', () => {
    expect([null, undefined, '', '  ', 0, 'x'].map(isBlankCell)).toEqual([true, true, true, true, false, false]);
  });
});
