import type { NumberRuleSpec } from '../plan';
import { colsXml, numberRuleXml, outlineLevelAttr, promptAttrs, sheetProtectionXml } from './entryGuards';

describe('column outline', () => {
  it('groups columns at level 1, hidden when collapsed, the + on the column after the group', () => {
    // Widths for A..C; B..C grouped and collapsed; D carries the + button (default width, no customWidth).
    expect(colsXml({ name: 's', rows: [], colWidths: [6, 40, 12], columnGroups: [{ from: 1, to: 2, collapsed: true }] })).toBe(
      '<cols>' +
        '<col min="1" max="1" width="6" customWidth="1"/>' +
        '<col min="2" max="2" width="40" customWidth="1" hidden="1" outlineLevel="1"/>' +
        '<col min="3" max="3" width="12" customWidth="1" hidden="1" outlineLevel="1"/>' +
        '<col min="4" max="4" width="9.140625" collapsed="1"/>' +
        '</cols>',
    );
    expect(outlineLevelAttr([{ from: 1, to: 2, collapsed: true }])).toBe(' outlineLevelCol="1"');
  });

  it('an open group is not hidden and has no + column; widths alone are as before', () => {
    expect(colsXml({ name: 's', rows: [], colWidths: [6], columnGroups: [{ from: 0, to: 0, collapsed: false }] })).toBe(
      '<cols><col min="1" max="1" width="6" customWidth="1" outlineLevel="1"/></cols>',
    );
    expect(colsXml({ name: 's', rows: [], colWidths: [0, 10] })).toBe('<cols><col min="2" max="2" width="10" customWidth="1"/></cols>');
    expect(colsXml({ name: 's', rows: [] })).toBe('');
    expect(outlineLevelAttr(undefined)).toBe('');
  });
});

describe('protection and number rules', () => {
  it('protects without a password; formatting columns allowed when asked (rows here not)', () => {
    expect(sheetProtectionXml({ allowFormatColumns: true, allowFormatRows: false })).toBe('<sheetProtection sheet="1" objects="1" scenarios="1" formatColumns="0"/>');
  });

  const rule: NumberRuleSpec = {
    range: 'E2:E1001',
    type: 'whole',
    min: 0,
    prompt: { title: 'Số đoàn viên', text: 'Gõ số nguyên "không âm" & để trống nếu chưa có.' },
    error: { title: 'Giá trị không hợp lệ', text: 'Chỉ nhận số nguyên từ 0.' },
  };

  it('writes a whole-number rule with its messages escaped', () => {
    expect(numberRuleXml(rule, [])).toBe(
      '<dataValidation type="whole" operator="greaterThanOrEqual" allowBlank="1" showInputMessage="1" showErrorMessage="1"' +
        ' errorTitle="Giá trị không hợp lệ" error="Chỉ nhận số nguyên từ 0."' +
        ' promptTitle="Số đoàn viên" prompt="Gõ số nguyên &quot;không âm&quot; &amp; để trống nếu chưa có."' +
        ' sqref="E2:E1001"><formula1>0</formula1></dataValidation>',
    );
  });

  it('a range with a maximum is between; a bad range or bounds write nothing', () => {
    expect(numberRuleXml({ ...rule, type: 'decimal', min: 2000, max: 2100 }, [])).toContain(
      'type="decimal" operator="between"',
    );
    expect(numberRuleXml({ ...rule, min: 2000, max: 2100 }, [])).toContain('<formula1>2000</formula1><formula2>2100</formula2>');
    expect(numberRuleXml({ ...rule, range: 'không phải ô' }, [])).toBe('');
    expect(numberRuleXml({ ...rule, min: 5, max: 1 }, [])).toBe('');
  });

  it('texts over Excel\'s limits (title 32, prompt 255) are cut, with a warning', () => {
    const warnings: string[] = [];
    const attrs = promptAttrs({ title: 'x'.repeat(40), text: 'y'.repeat(300) }, warnings);
    // 31 characters and an ellipsis = 32; 254 + 1 = 255.
    expect(attrs).toBe(` promptTitle="${'x'.repeat(31)}…" prompt="${'y'.repeat(254)}…"`);
    expect(warnings).toEqual(['prompt title cut to 32 characters', 'prompt cut to 255 characters']);
  });
});
