import { readReturnBytes } from './readReturn';
import { createXlsx } from './xlsx';

function returnBytes(units: number): Uint8Array {
  const wb = createXlsx();
  const rows = [[{ v: 'Mã đơn vị' }, { v: 'Tên đơn vị' }, { v: 'Khu vực' }]];
  for (let i = 0; i < units; i++) rows.push([{ v: `CD${i}` }, { v: `CĐCS số ${i}` }, { v: 'Nhà nước' }]);
  wb.applySync({ sheets: [{ name: 'Báo cáo', rows }] });
  return wb.toBytes();
}

describe('readReturnBytes', () => {
  it('reads the sheets of a usable return', () => {
    const r = readReturnBytes('a.xlsx', returnBytes(2));
    expect('sheets' in r && r.sheets.map((s) => s.rows.length)).toEqual([3]);
  });

  it('refuses a return over the size limits with the same reasons as check', () => {
    const tooBig = readReturnBytes('to.xlsx', returnBytes(2000), { maxUncompressedBytes: 20_000 });
    expect('rejected' in tooBig && tooBig.rejected).toMatch(/lớn|giới hạn/);
    const tooMany = readReturnBytes('nhieu-o.xlsx', returnBytes(2000), { maxCells: 1000 });
    expect('rejected' in tooMany && tooMany.rejected).toMatch(/ô|giới hạn/);
  });

  it('never opens macro workbooks or old .xls files, and says what to do', () => {
    for (const name of ['a.xlsm', 'b.xls', 'c.xlsb']) {
      const r = readReturnBytes(name, returnBytes(1));
      expect('rejected' in r && r.rejected).toContain('.xlsx');
    }
  });
});
