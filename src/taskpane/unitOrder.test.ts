import { byUnitName } from './unitOrder';

describe('byUnitName', () => {
  it('sorts names as Vietnamese does, then codes with numbers as numbers, and leaves the input alone', () => {
    const units = [
      { name: 'Ưu', code: '1' },
      { name: 'Uyên', code: '1' },
      { name: 'Đông', code: '1' },
      { name: 'Em', code: '1' },
      { name: 'Dệt', code: 'CD10' },
      { name: 'dệt', code: 'CD9' },
    ];
    // D < Đ < E < U < Ư; "Dệt"/"dệt" equal by name (case aside), so CD9 before CD10.
    expect(byUnitName(units).map((u) => `${u.name} ${u.code}`)).toEqual(['dệt CD9', 'Dệt CD10', 'Đông 1', 'Em 1', 'Uyên 1', 'Ưu 1']);
    expect(units[0].name).toBe('Ưu');
  });
});
