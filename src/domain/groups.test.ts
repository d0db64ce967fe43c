import { checkSheet } from './check';
import { findPreset } from './presets';
import { toJsonReport } from './report';
import { table, units } from '../../test/support/table';

describe('results per parent unit', () => {
  it('computes each parent’s indicators over its own units, sorted as Vietnamese text', () => {
    const keys = ['ma_don_vi', 'ten_don_vi', 'don_vi_cap_tren', 'khu_vuc', 'nam', 'dat_chuan_vh', 'so_ld_du_dk', 'so_dv'];
    const rows = units(5, (i) => ({
      don_vi_cap_tren: i < 3 ? 'LĐLĐ huyện Tuy Phước' : 'LĐLĐ huyện An Nhơn',
      nam: 2024,
      dat_chuan_vh: i === 0 ? 'Không' : 'Có',
      so_ld_du_dk: 10,
      so_dv: i === 4 ? 9 : 10,
    }));
    const out = checkSheet(table({ keys, rows }), { targetSet: findPreset('bd-cdvc-2024')! });
    if (!out.ok) throw new Error(out.error.message);
    const groups = out.value.groups!;
    // "An Nhơn" sorts before "Tuy Phước".
    expect(groups.map((g) => [g.parent, g.units])).toEqual([
      ['LĐLĐ huyện An Nhơn', 2],
      ['LĐLĐ huyện Tuy Phước', 3],
    ]);
    const get = (g: number, id: string) => groups[g].indicators.find((i) => i.id === id)!;
    // An Nhơn: dat_chuan_vh 2/2 = 100% ≥ 95% → Đạt; bao_phu_dv (10 + 9)/20 = 95% < 100% → Chưa đạt
    expect(get(0, 'dat_chuan_vh')).toMatchObject({ numerator: 2, denominator: 2, status: 'DAT' });
    expect(get(0, 'bao_phu_dv')).toMatchObject({ numerator: 19, denominator: 20, status: 'CHUA_DAT' });
    // Tuy Phước: dat_chuan_vh 2/3 ≈ 66,7% < 95% → Chưa đạt; bao_phu_dv 30/30 → Đạt
    expect(get(1, 'dat_chuan_vh')).toMatchObject({ numerator: 2, denominator: 3, status: 'CHUA_DAT' });
    expect(get(1, 'bao_phu_dv')).toMatchObject({ numerator: 30, denominator: 30, status: 'DAT' });
    expect(toJsonReport(out.value).groups?.map((g) => g.parent)).toEqual(['LĐLĐ huyện An Nhơn', 'LĐLĐ huyện Tuy Phước']);
  });

  it('no don_vi_cap_tren column, no groups', () => {
    const out = checkSheet(table({ keys: ['ma_don_vi', 'ten_don_vi', 'khu_vuc'], rows: units(1, () => ({})) }), { targetSet: findPreset('bd-cdvc-2024')! });
    expect(out.ok && out.value.groups).toBeUndefined();
  });
});
