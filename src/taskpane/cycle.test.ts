import { stringsFor } from './i18n';
import { historyCandidates, makeRegister, registerStatus, sendOutUnits } from './cycle';
import { memoryPort } from './memoryPort';
import { fixtureGrid } from './paneFixture';

const t = stringsFor('vi');

describe('cycle actions on a workbook', () => {
  it('a register sheet without Mã and Tên is unreadable: the status says why and the send-out refuses with the reader\'s sentence', async () => {
    const port = memoryPort([fixtureGrid(), { name: 'Danh bạ CĐCS', rows: [['Họ tên', 'Điện thoại'], ['An', '0900']] }]);
    const status = await registerStatus(port);
    expect(status.kind).toBe('unreadable');
    await expect(sendOutUnits(port, t)).rejects.toThrow(/Mã đơn vị/);
  });

  it('without a register the send-out takes the table\'s units; without a table nothing is made', async () => {
    const withTable = await sendOutUnits(memoryPort([fixtureGrid()]), t);
    expect(withTable.fromTable).toBe(true);
    expect(withTable.units.map((u) => u.code)).toEqual(['CD01', 'CD02', 'CD03']);
    const empty = memoryPort([{ name: 'Ghi chú', rows: [['Ghi chú năm nay']] }]);
    await expect(sendOutUnits(empty, t)).rejects.toThrow(t.registerNoTable);
    await expect(makeRegister(empty, t)).rejects.toThrow(t.registerNoTable);
    expect(empty.calls.some((c) => c.op === 'apply')).toBe(false);
  });

  it('the history is offered every sheet but the table, Chỉ tiêu, the register and the product\'s own', async () => {
    const earlier = { ...fixtureGrid(), name: 'Năm 2023' };
    const port = memoryPort([fixtureGrid(), earlier, { name: 'Chỉ tiêu', rows: [['x']] }, { name: 'Ghi chú', rows: [['y']] }]);
    await makeRegister(port, t);
    expect(await historyCandidates(port)).toEqual(['Năm 2023', 'Ghi chú']);
  });
});
