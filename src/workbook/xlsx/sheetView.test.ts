import { setActiveTab, setFrozenPanes, unselectTab } from './sheetView';
import { DATA_SHEET, buildFixture, mustOpen, partsOf, samplePlan } from './test';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const DATA = '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';

describe('the data sheet view', () => {
  it('freezes header rows and identity columns in place of the old pane and selection, drops tabSelected, keeps the rest byte for byte', () => {
    const head = `<worksheet xmlns="${MAIN}"><dimension ref="A1:H40"/>`;
    const xml =
      head +
      '<sheetViews><sheetView tabSelected="1" zoomScale="85" workbookViewId="0"><selection activeCell="B3" sqref="B3"/></sheetView></sheetViews>' +
      '<sheetFormatPr defaultRowHeight="15"/>' +
      DATA +
      '</worksheet>';
    const out = setFrozenPanes(xml, { freeze: { rows: 4, cols: 3 } });
    // 4 rows and 3 columns (A–C) frozen: the scrolling part starts at D5.
    expect(out).toBe(
      head +
        '<sheetViews><sheetView zoomScale="85" workbookViewId="0"><pane xSplit="3" ySplit="4" topLeftCell="D5" activePane="bottomRight" state="frozen"/>' +
        '<selection pane="bottomRight" activeCell="D5" sqref="D5"/></sheetView></sheetViews>' +
        '<sheetFormatPr defaultRowHeight="15"/>' +
        DATA +
        '</worksheet>',
    );
    // Applied to its own output: the same text (a re-run gives an equal file).
    expect(setFrozenPanes(out, { freeze: { rows: 4, cols: 3 } })).toBe(out);
  });

  it('adds <sheetViews> after <dimension> to a sheet without one, in the sheet\'s own prefix', () => {
    const xml = `<x:worksheet xmlns:x="${MAIN}"><x:dimension ref="A1"/><x:sheetData/></x:worksheet>`;
    expect(setFrozenPanes(xml, { freeze: { rows: 2, cols: 0 } })).toBe(
      `<x:worksheet xmlns:x="${MAIN}"><x:dimension ref="A1"/><x:sheetViews><x:sheetView workbookViewId="0">` +
        '<x:pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/><x:selection pane="bottomLeft" activeCell="A3" sqref="A3"/>' +
        '</x:sheetView></x:sheetViews><x:sheetData/></x:worksheet>',
    );
  });

  it('unselectTab leaves a sheet without tabSelected untouched (same string)', () => {
    const xml = `<worksheet xmlns="${MAIN}"><sheetViews><sheetView workbookViewId="0"/></sheetViews>${DATA}</worksheet>`;
    expect(unselectTab(xml)).toBe(xml);
    expect(unselectTab(xml.replace('<sheetView ', '<sheetView tabSelected="true" '))).toBe(xml);
  });
});

describe('the sheet the workbook opens on', () => {
  it('sets activeTab on the first workbook view and brings back a firstSheet scrolled past it', () => {
    const wb = `<workbook xmlns="${MAIN}"><bookViews><workbookView xWindow="0" yWindow="0" firstSheet="2" activeTab="0"/></bookViews><sheets/></workbook>`;
    expect(setActiveTab(wb, 1)).toBe(`<workbook xmlns="${MAIN}"><bookViews><workbookView xWindow="0" yWindow="0" activeTab="1"/></bookViews><sheets/></workbook>`);
  });

  it('creates <bookViews> before <sheets> when the workbook has none', () => {
    const wb = `<workbook xmlns="${MAIN}"><workbookPr/><sheets><sheet name="A" sheetId="1" r:id="rId1"/></sheets></workbook>`;
    expect(setActiveTab(wb, 0)).toBe(
      `<workbook xmlns="${MAIN}"><workbookPr/><bookViews><workbookView activeTab="0"/></bookViews><sheets><sheet name="A" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    );
  });

  it('xlsx adapter: opens on Tổng hợp, one selected tab, the data sheet frozen and printed with its titles; applying again changes nothing', async () => {
    const plan = samplePlan();
    const withViews = {
      ...plan,
      data: { ...plan.data!, view: { freeze: { rows: 3, cols: 2 }, printTitleRows: [2, 3] as const, printTitleCols: [0, 1] as const } },
      activeSheet: 'Tổng hợp',
    };
    const wb = mustOpen(await buildFixture());
    wb.applySync(withViews);
    const bytes = wb.toBytes();
    const parts = partsOf(bytes);
    const workbook = parts['xl/workbook.xml'];
    const names = [...workbook.matchAll(/<sheet\b[^>]*\bname="([^"]+)"/g)].map((m) => m[1]);
    expect(workbook).toContain(`activeTab="${names.indexOf('Tổng hợp')}"`);
    // Columns A:B then rows 2:3 of the data sheet print on every page.
    expect(workbook).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="${names.indexOf(DATA_SHEET)}">'${DATA_SHEET}'!$A:$B,'${DATA_SHEET}'!$2:$3</definedName>`);
    const sheets = Object.entries(parts).filter(([p]) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p));
    const selected = sheets.filter(([, x]) => /tabSelected="(1|true)"/.test(x));
    expect(selected).toHaveLength(1);
    // The selected one is Tổng hợp (its title is written inline).
    expect(selected[0][1]).toContain('KẾT QUẢ THỰC HIỆN CHỈ TIÊU NĂM 2024');
    const data = sheets.map(([, x]) => x).find((x) => x.includes('state="frozen"') && x.includes('xSplit="2"'));
    expect(data).toBeDefined();
    // Applied again to its own output: the same bytes.
    const again = mustOpen(bytes);
    again.applySync(withViews);
    expect(Buffer.compare(Buffer.from(again.toBytes()), Buffer.from(bytes))).toBe(0);
  });
});
