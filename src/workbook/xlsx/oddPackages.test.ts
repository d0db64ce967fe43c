/**
 * Packages that the standard allows (or that Excel itself saves) but that look odd: Strict Open
 * XML, empty or partial styles parts, missing parts, UTF-16 parts, leftover sheet entries.
 * Every package is hand-written XML zipped with fflate, so the oddity is exactly the one named.
 */
import { strFromU8, unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import type { OutputPlan } from '../plan';
import { XlsxError } from './limits';
import { openXlsx } from './open';
import { makeZip, mustOpen } from './test';

const CT_NS = 'http://schemas.openxmlformats.org/package/2006/content-types';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const T_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const T_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const S_MAIN = 'http://purl.oclc.org/ooxml/spreadsheetml/main';
const S_REL = 'http://purl.oclc.org/ooxml/officeDocument/relationships';
const CT_MAIN = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';
const CT_SHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const CT_STYLES = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

type Parts = Record<string, string | Uint8Array | undefined>;

/** A cell with an inline string (no shared strings part needed). */
const str = (ref: string, text: string, s?: number): string =>
  `<c r="${ref}" t="inlineStr"${s === undefined ? '' : ` s="${s}"`}><is><t>${text}</t></is></c>`;

/** The user's data sheet: a header row and two units; B2 has the user's style index 0. */
const dataSheet = (main: string): string =>
  `${DECL}<worksheet xmlns="${main}"><sheetData>` +
  `<row r="1">${str('A1', 'Mã đơn vị')}${str('B1', 'Tên đơn vị')}${str('C1', 'Số đoàn viên')}</row>` +
  `<row r="2">${str('A2', 'CD01')}${str('B2', 'Công đoàn Trường Lê Lợi', 0)}<c r="C2"><v>25</v></c></row>` +
  `<row r="3">${str('A3', 'CD02')}${str('B3', 'Công đoàn Sở Y tế')}<c r="C3"><v>40</v></c></row>` +
  '</sheetData></worksheet>';

/**
 * A one-sheet package ("Dữ liệu") in either class, with a styles part unless told otherwise.
 * `over` replaces (or with undefined, removes) parts by name.
 */
function pkg(strict: boolean, over: Parts = {}): Uint8Array {
  const main = strict ? S_MAIN : T_MAIN;
  const rel = strict ? S_REL : T_REL;
  const parts: Parts = {
    '[Content_Types].xml':
      `${DECL}<Types xmlns="${CT_NS}"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
      `<Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${CT_MAIN}"/>` +
      `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="${CT_SHEET}"/><Override PartName="/xl/styles.xml" ContentType="${CT_STYLES}"/></Types>`,
    '_rels/.rels': `${DECL}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml':
      `${DECL}<workbook xmlns="${main}" xmlns:r="${rel}"${strict ? ' conformance="strict"' : ''}>` +
      '<bookViews><workbookView/></bookViews><sheets><sheet name="Dữ liệu" sheetId="1" r:id="rId1"/></sheets></workbook>',
    'xl/_rels/workbook.xml.rels':
      `${DECL}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/>` +
      `<Relationship Id="rId2" Type="${rel}/styles" Target="styles.xml"/></Relationships>`,
    'xl/worksheets/sheet1.xml': dataSheet(main),
    'xl/styles.xml':
      `${DECL}<styleSheet xmlns="${main}"><fonts count="1"><font><sz val="11"/><name val="Arial"/></font></fonts>` +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>',
    ...over,
  };
  const files: Record<string, string | Uint8Array> = {};
  for (const [k, v] of Object.entries(parts)) if (v !== undefined) files[k] = v;
  return makeZip(files);
}

/**
 * What the renderer would write: a status header (bold, filled: `output_header`) right of the
 * table and one status per unit, plus a sheet of our own with a title.
 */
const plan: OutputPlan = {
  data: {
    sheet: 'Dữ liệu',
    clearCols: [3],
    clearFromRow: 1,
    startCol: 3,
    rows: [
      { row: 1, cells: [{ v: 'Kết quả', s: 'output_header' }] },
      { row: 2, cells: [{ v: 'Đạt', s: 'status_DAT' }] },
      { row: 3, cells: [{ v: 'Chưa đạt', s: 'status_CHUA_DAT' }] },
    ],
    colWidths: [14],
  },
  sheets: [{ name: 'Báo cáo chỉ tiêu', rows: [[{ v: 'KẾT QUẢ', s: 'title' }]] }],
};

/** Applies the plan and returns the output bytes. */
function apply(bytes: Uint8Array, p: OutputPlan = plan): Uint8Array {
  const wb = mustOpen(bytes);
  wb.applySync(p);
  return wb.toBytes();
}

const raw = (zip: Uint8Array): Record<string, Uint8Array> => unzipSync(zip);
const text = (zip: Uint8Array): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw(zip))) out[k] = strFromU8(v);
  return out;
};

/** Throws unless `xml` is well-formed with namespaces (duplicate attributes, unbound prefixes, bad nesting). */
function wellFormed(xml: string): void {
  new SaxesParser({ xmlns: true }).write(xml).close();
}

/** Every XML part of a package parses. */
function allWellFormed(zip: Uint8Array): void {
  for (const [name, body] of Object.entries(text(zip))) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    try {
      wellFormed(body);
    } catch (e) {
      throw new Error(`${name}: ${(e as Error).message}\n${body.slice(0, 600)}`);
    }
  }
}

/** Start tags of the direct children of the root, by local name, in order. */
function topLevelNames(xml: string): string[] {
  const names: string[] = [];
  let depth = 0;
  const parser = new SaxesParser({ xmlns: true });
  parser.on('opentag', (t) => {
    if (depth === 1) names.push(t.local);
    if (!t.isSelfClosing) depth++;
  });
  parser.on('closetag', (t) => {
    if (!t.isSelfClosing) depth--;
  });
  parser.write(xml).close();
  return names;
}

/** The direct children of the first element `section` of a styles part, as text. */
function sectionChildren(xml: string, section: string): string[] {
  const m = new RegExp(`<${section}[^>]*>([\\s\\S]*?)</${section}>`).exec(xml);
  if (!m) return [];
  const child = { fonts: 'font', fills: 'fill', borders: 'border', cellXfs: 'xf', cellStyleXfs: 'xf' }[section]!;
  return m[1].match(new RegExp(`<${child}(?:\\s[^>]*?)?(?:/>|>[\\s\\S]*?</${child}>)`, 'g')) ?? [];
}

/** The `s` attribute of cell `ref` in a sheet part. */
const styleOf = (sheetXml: string, ref: string): number => {
  const m = new RegExp(`<c r="${ref}"[^>]*\\ss="(\\d+)"`).exec(sheetXml);
  return m ? Number(m[1]) : 0;
};

/** The attribute `name` of an `<xf>` tag. */
const xfAttr = (xf: string, name: string): number => Number(new RegExp(`\\s${name}="(\\d+)"`).exec(xf)?.[1] ?? 0);

// ---------------------------------------------------------------------------------------------

describe('Strict Open XML', () => {
  test('reads the sheets of a Strict package', () => {
    const wb = mustOpen(pkg(true));
    expect(wb.sheetNamesSync()).toEqual(['Dữ liệu']);
    expect(wb.readSheetSync('Dữ liệu').rows).toEqual([
      ['Mã đơn vị', 'Tên đơn vị', 'Số đoàn viên'],
      ['CD01', 'Công đoàn Trường Lê Lợi', 25],
      ['CD02', 'Công đoàn Sở Y tế', 40],
    ]);
  });

  test('new sheet, relationship and styles are written in Strict, with no second xmlns:r', () => {
    const out = apply(pkg(true));
    allWellFormed(out);
    const parts = text(out);
    const wbXml = parts['xl/workbook.xml'];
    // One binding of r (the workbook's own, Strict), and the new entry uses it.
    expect(wbXml.match(/xmlns:r=/g)).toHaveLength(1);
    expect(wbXml).toMatch(/<sheet name="Báo cáo chỉ tiêu" sheetId="2" r:id="rId3"\/>/);
    const rels = parts['xl/_rels/workbook.xml.rels'];
    expect(rels).toContain(`<Relationship Id="rId3" Type="${S_REL}/worksheet" Target="worksheets/sheet2.xml"/>`);
    expect(rels).not.toContain(T_REL);
    const sheet2 = parts['xl/worksheets/sheet2.xml'];
    expect(sheet2).toContain(`<worksheet xmlns="${S_MAIN}" xmlns:r="${S_REL}">`);
    expect(sheet2).not.toContain('schemas.openxmlformats.org');
    expect(parts['[Content_Types].xml']).toContain(`<Override PartName="/xl/worksheets/sheet2.xml" ContentType="${CT_SHEET}"/>`);
    // The Strict output reads back, our cells included.
    expect(mustOpen(out).readSheetSync('Báo cáo chỉ tiêu').rows).toEqual([['KẾT QUẢ']]);
    expect(mustOpen(out).readSheetSync('Dữ liệu').rows[1]).toEqual(['CD01', 'Công đoàn Trường Lê Lợi', 25, 'Đạt']);
  });

  test('a Strict workbook that binds the relationships namespace to another prefix (and r to something else)', () => {
    const wbXml =
      `${DECL}<x:workbook xmlns:x="${S_MAIN}" xmlns:rel="${S_REL}" xmlns:r="urn:example:other">` +
      '<x:sheets><x:sheet name="Dữ liệu" sheetId="1" rel:id="rId1"/></x:sheets></x:workbook>';
    const out = apply(pkg(true, { 'xl/workbook.xml': wbXml }));
    allWellFormed(out);
    const after = text(out)['xl/workbook.xml'];
    // The existing binding is reused; nothing new is declared on the root.
    expect(after.slice(0, after.indexOf('>', after.indexOf('<x:workbook')) + 1)).toBe(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<x:workbook xmlns:x="${S_MAIN}" xmlns:rel="${S_REL}" xmlns:r="urn:example:other">`,
    );
    expect(after).toContain('<x:sheet name="Báo cáo chỉ tiêu" sheetId="2" rel:id="rId3"/>');
    expect(mustOpen(out).sheetNamesSync()).toEqual(['Dữ liệu', 'Báo cáo chỉ tiêu']);
  });

  test('a Strict workbook without any relationships binding gets the Strict one, under a free prefix', () => {
    // An empty Strict workbook whose `r` prefix is already used for something else.
    const wbXml = `${DECL}<workbook xmlns="${S_MAIN}" xmlns:r="urn:example:other"><sheets/></workbook>`;
    const bytes = pkg(true, { 'xl/workbook.xml': wbXml, 'xl/worksheets/sheet1.xml': undefined });
    const out = apply(bytes, { sheets: plan.sheets });
    allWellFormed(out);
    const after = text(out)['xl/workbook.xml'];
    expect(after).toContain(`xmlns:r1="${S_REL}"`);
    expect(after).toContain('<sheet name="Báo cáo chỉ tiêu" sheetId="1" r1:id="rId3"/>');
  });

  test('a Strict package without a styles part gets a Strict one', () => {
    const bytes = pkg(true, {
      'xl/styles.xml': undefined,
      'xl/_rels/workbook.xml.rels': `${DECL}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${S_REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    });
    const out = apply(bytes);
    allWellFormed(out);
    const parts = text(out);
    expect(parts['xl/styles.xml']).toContain(`<styleSheet xmlns="${S_MAIN}">`);
    expect(parts['xl/_rels/workbook.xml.rels']).toContain(`Type="${S_REL}/styles" Target="styles.xml"`);
  });

  test('a second run on the Strict output changes nothing', () => {
    const once = apply(pkg(true));
    expect(apply(once)).toEqual(once);
  });
});

describe('styles parts with sections missing', () => {
  const NORMAL_XF = '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';
  const ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];

  /** Checks the styles part after our styles were added: defaults at index 0, ours after. */
  function checkStyles(out: Uint8Array): string {
    allWellFormed(out);
    const parts = text(out);
    const styles = parts['xl/styles.xml'];
    const names = topLevelNames(styles);
    // Schema order: each present section after the ones before it in CT_Stylesheet.
    expect(names.map((n) => ORDER.indexOf(n))).toEqual([...names.map((n) => ORDER.indexOf(n))].sort((a, b) => a - b));
    expect(names).toEqual(expect.arrayContaining(['fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs']));
    // cellXfs 0 (every unstyled cell, and the user's B2) stays plain: default font, no fill, no border.
    const xfs = sectionChildren(styles, 'cellXfs');
    expect(xfs[0]).toBe(NORMAL_XF);
    const fonts = sectionChildren(styles, 'fonts');
    expect(fonts[0]).not.toMatch(/<b\/>|<i\/>|<color/);
    const fills = sectionChildren(styles, 'fills');
    expect(fills[0]).toContain('patternType="none"');
    expect(fills[1]).toContain('patternType="gray125"');
    expect(sectionChildren(styles, 'borders')[0]).not.toContain('style=');
    // The user's B2 still points at the plain xf.
    expect(styleOf(parts['xl/worksheets/sheet1.xml'], 'B2')).toBe(0);
    // Our header (D1) has an xf of its own: bold font, a solid fill, past the reserved ones.
    const header = xfs[styleOf(parts['xl/worksheets/sheet1.xml'], 'D1')];
    expect(styleOf(parts['xl/worksheets/sheet1.xml'], 'D1')).toBeGreaterThan(0);
    expect(fonts[xfAttr(header, 'fontId')]).toContain('<b/>');
    expect(xfAttr(header, 'fillId')).toBeGreaterThanOrEqual(2);
    expect(fills[xfAttr(header, 'fillId')]).toContain('patternType="solid"');
    // Counts match the children.
    for (const s of ['fonts', 'fills', 'borders', 'cellXfs', 'cellStyleXfs']) {
      const count = new RegExp(`<${s} count="(\\d+)"`).exec(styles);
      expect([s, Number(count?.[1])]).toEqual([s, sectionChildren(styles, s).length]);
    }
    return styles;
  }

  test('a self-closing <styleSheet/>', () => {
    const out = apply(pkg(false, { 'xl/styles.xml': `${DECL}<styleSheet xmlns="${T_MAIN}"/>` }));
    const styles = checkStyles(out);
    // Created sections: a default cell style names the default style xf.
    expect(styles).toContain('<cellStyle name="Normal" xfId="0" builtinId="0"/>');
    expect(apply(out)).toEqual(out);
  });

  test('a prefixed, self-closing styleSheet gets prefixed sections', () => {
    const out = apply(pkg(false, { 'xl/styles.xml': `${DECL}<x:styleSheet xmlns:x="${T_MAIN}"/>` }));
    allWellFormed(out);
    const styles = text(out)['xl/styles.xml'];
    // numFmts first: the status styles carry a number format (the ✓ / ✗ marks before the word).
    expect(topLevelNames(styles)).toEqual(['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles']);
    expect(styles).toContain('<x:cellXfs count=');
    expect(styles).not.toMatch(/<(fonts|xf|font)[\s>]/);
  });

  test('only <fonts> and <dxfs>: the missing sections go between them, the rest keeps its bytes', () => {
    const dxfs = '<dxfs count="1"><dxf><font><b/></font></dxf></dxfs>';
    const ext = '<extLst><ext uri="{x}" xmlns:x14="urn:x14"><x14:slicerStyles defaultSlicerStyle="S"/></ext></extLst>';
    const styles = `${DECL}<styleSheet xmlns="${T_MAIN}"><fonts count="1"><font><sz val="12"/><name val="Times New Roman"/></font></fonts>${dxfs}${ext}</styleSheet>`;
    const out = apply(pkg(false, { 'xl/styles.xml': styles }));
    const after = checkStyles(out);
    // numFmts first: the status styles carry a number format (the ✓ / ✗ marks before the word).
    expect(topLevelNames(after)).toEqual(['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'extLst']);
    expect(after).toContain(dxfs + ext + '</styleSheet>');
    // The user's font 0 stays first; ours name Times New Roman themselves (here the same as the default).
    const fonts = sectionChildren(after, 'fonts');
    expect(fonts[0]).toBe('<font><sz val="12"/><name val="Times New Roman"/></font>');
    expect(fonts.slice(1).every((f) => f.includes('<name val="Times New Roman"/>'))).toBe(true);
  });

  test('no <fonts> (cellXfs present): a default font is created at index 0 first', () => {
    const styles =
      `${DECL}<styleSheet xmlns="${T_MAIN}"><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
      '<borders count="1"><border/></borders><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellXfs></styleSheet>';
    const out = apply(pkg(false, { 'xl/styles.xml': styles }));
    allWellFormed(out);
    const after = text(out)['xl/styles.xml'];
    // Excel's default font: Calibri 11, family 2.
    expect(sectionChildren(after, 'fonts')[0]).toBe('<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>');
    // The user's xf 0 is kept as it was (not replaced by ours).
    expect(sectionChildren(after, 'cellXfs')[0]).toBe('<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>');
    // numFmts first: the status styles carry a number format (the ✓ / ✗ marks before the word).
    expect(topLevelNames(after)).toEqual(['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles']);
  });

  test('empty sections written self-closing, one fill only, count in single quotes', () => {
    const styles =
      `${DECL}<styleSheet xmlns="${T_MAIN}"><fonts count='0'/><fills count='1'><fill><patternFill patternType="none"/></fill></fills>` +
      "<borders/><cellStyleXfs count='0'/><cellXfs count='0'></cellXfs></styleSheet>";
    const out = apply(pkg(false, { 'xl/styles.xml': styles }));
    checkStyles(out);
    expect(text(out)['xl/styles.xml']).not.toContain("count='");
  });
});

describe('parts named by a relationship but missing from the package', () => {
  test('a styles relationship to a part that is not there: the part is created', () => {
    const out = apply(pkg(false, { 'xl/styles.xml': undefined }));
    allWellFormed(out);
    const parts = text(out);
    expect(parts['xl/styles.xml']).toContain('<cellXfs');
    expect(parts['[Content_Types].xml']).toContain(`<Override PartName="/xl/styles.xml" ContentType="${CT_STYLES}"/>`);
    // Still one styles relationship.
    expect(parts['xl/_rels/workbook.xml.rels'].match(/\/styles"/g)).toHaveLength(1);
    expect(sectionChildren(parts['xl/styles.xml'], 'cellXfs')[0]).toBe('<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>');
  });

  test('an empty styles part is replaced by a complete one', () => {
    const out = apply(pkg(false, { 'xl/styles.xml': '' }));
    allWellFormed(out);
    expect(text(out)['xl/styles.xml']).toContain('<cellXfs');
  });

  test('a shared strings relationship to a missing part: those cells read as empty', () => {
    const sheet =
      `${DECL}<worksheet xmlns="${T_MAIN}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>7</v></c></row></sheetData></worksheet>`;
    const rels =
      `${DECL}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${T_REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
      `<Relationship Id="rId2" Type="${T_REL}/styles" Target="styles.xml"/><Relationship Id="rId3" Type="${T_REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;
    const wb = mustOpen(pkg(false, { 'xl/worksheets/sheet1.xml': sheet, 'xl/_rels/workbook.xml.rels': rels }));
    expect(wb.readSheetSync('Dữ liệu').rows).toEqual([[null, 7]]);
  });
});

describe('UTF-16 parts', () => {
  /** UTF-16 bytes of `s`, with a BOM unless told otherwise. */
  function utf16(s: string, be: boolean, bom = true): Uint8Array {
    const body = (bom ? '\uFEFF' : '') + s;
    const out = new Uint8Array(body.length * 2);
    for (let i = 0; i < body.length; i++) {
      const c = body.charCodeAt(i);
      out[2 * i + (be ? 1 : 0)] = c & 0xff;
      out[2 * i + (be ? 0 : 1)] = c >> 8;
    }
    return out;
  }
  const sheet16 = dataSheet(T_MAIN).replace('encoding="UTF-8"', 'encoding="UTF-16"');

  test.each([
    ['little-endian with BOM', false, true],
    ['big-endian with BOM', true, true],
    ['little-endian without BOM', false, false],
  ])('a %s sheet is read, and written back as UTF-8 declaring UTF-8', (_, be, bom) => {
    const bytes = pkg(false, { 'xl/worksheets/sheet1.xml': utf16(sheet16, be, bom) });
    const wb = mustOpen(bytes);
    expect(wb.readSheetSync('Dữ liệu').rows[1]).toEqual(['CD01', 'Công đoàn Trường Lê Lợi', 25]);
    const out = apply(bytes);
    const written = raw(out)['xl/worksheets/sheet1.xml'];
    // '<?xml' in single bytes: UTF-8, no BOM; and the declaration says so.
    expect(Array.from(written.subarray(0, 5))).toEqual([0x3c, 0x3f, 0x78, 0x6d, 0x6c]);
    const xml = strFromU8(written);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>')).toBe(true);
    wellFormed(xml);
    expect(mustOpen(out).readSheetSync('Dữ liệu').rows[1]).toEqual(['CD01', 'Công đoàn Trường Lê Lợi', 25, 'Đạt']);
  });

  test('a UTF-16 workbook part that must change (a new sheet) is rewritten consistently; an unchanged UTF-16 part keeps its bytes', () => {
    const wbXml =
      `<?xml version="1.0" encoding="utf-16"?><workbook xmlns="${T_MAIN}" xmlns:r="${T_REL}">` +
      '<sheets><sheet name="Dữ liệu" sheetId="1" r:id="rId1"/></sheets></workbook>';
    const ctBytes = utf16(
      `<?xml version='1.0' encoding='UTF-16LE'?><Types xmlns="${CT_NS}"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
        `<Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${CT_MAIN}"/>` +
        `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="${CT_SHEET}"/><Override PartName="/xl/styles.xml" ContentType="${CT_STYLES}"/></Types>`,
      false,
    );
    const sheetBytes = utf16(sheet16, true);
    const bytes = pkg(false, { 'xl/workbook.xml': utf16(wbXml, true), '[Content_Types].xml': ctBytes, 'xl/worksheets/sheet1.xml': sheetBytes });
    // Only our own sheet: the data sheet is not touched.
    const out = apply(bytes, { sheets: plan.sheets });
    const parts = raw(out);
    expect(parts['xl/worksheets/sheet1.xml']).toEqual(sheetBytes);
    for (const name of ['xl/workbook.xml', '[Content_Types].xml']) {
      const xml = strFromU8(parts[name]);
      expect([name, /^<\?xml[^>]*encoding=(["'])UTF-8\1/.test(xml)]).toEqual([name, true]);
      wellFormed(xml);
    }
    expect(mustOpen(out).sheetNamesSync()).toEqual(['Dữ liệu', 'Báo cáo chỉ tiêu']);
    expect(apply(out, { sheets: plan.sheets })).toEqual(out);
  });

  test('a part declaring a legacy 8-bit encoding is decoded as declared', () => {
    // "Hà Nội" is not in windows-1252; "Café" is: é is the single byte 0xE9.
    const head = `<?xml version="1.0" encoding="windows-1252"?><worksheet xmlns="${T_MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Caf`;
    const tail = '</t></is></c></row></sheetData></worksheet>';
    const bytes = new Uint8Array([...Buffer.from(head, 'latin1'), 0xe9, ...Buffer.from(tail, 'latin1')]);
    const wb = mustOpen(pkg(false, { 'xl/worksheets/sheet1.xml': bytes }));
    expect(wb.readSheetSync('Dữ liệu').rows).toEqual([['Café']]);
  });
});

describe('what Excel itself sometimes saves', () => {
  test('a leftover <sheet r:id=""> is not a sheet, and stays in the file byte for byte', () => {
    const leftover = '<sheet name="Cũ" sheetId="5" state="hidden" r:id=""/>';
    const wbXml =
      `${DECL}<workbook xmlns="${T_MAIN}" xmlns:r="${T_REL}"><sheets>${leftover}<sheet name="Dữ liệu" sheetId="1" r:id="rId1"/></sheets></workbook>`;
    const bytes = pkg(false, { 'xl/workbook.xml': wbXml });
    const wb = mustOpen(bytes);
    expect(wb.sheetNamesSync()).toEqual(['Dữ liệu']);
    expect(wb.readSheetResult('Cũ')).toMatchObject({ ok: false, error: { code: 'no_such_sheet' } });
    expect(wb.readSheetSync('Dữ liệu').rows).toHaveLength(3);
    const out = apply(bytes);
    allWellFormed(out);
    expect(text(out)['xl/workbook.xml']).toContain(`<sheets>${leftover}<sheet name="Dữ liệu" sheetId="1" r:id="rId1"/>`);
  });

  test('missing xl/_rels/workbook.xml.rels: a Vietnamese open error, not a crash', () => {
    const r = openXlsx(pkg(false, { 'xl/_rels/workbook.xml.rels': undefined }));
    expect(r).toMatchObject({ ok: false, error: { code: 'no_sheet_links' } });
    expect(!r.ok && r.error.message).toContain('xl/_rels/workbook.xml.rels');
    expect(!r.ok && r.error.message).toMatch(/hãy mở tệp trong Excel/);
  });

  test('a workbook whose only sheet is a chart sheet: a Vietnamese open error', () => {
    const rels =
      `${DECL}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${T_REL}/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>`;
    const r = openXlsx(
      pkg(false, {
        'xl/_rels/workbook.xml.rels': rels,
        'xl/worksheets/sheet1.xml': undefined,
        'xl/chartsheets/sheet1.xml': `${DECL}<chartsheet xmlns="${T_MAIN}"/>`,
      }),
    );
    expect(r).toMatchObject({ ok: false, error: { code: 'no_worksheets' } });
    expect(!r.ok && r.error.message).toMatch(/chỉ có trang biểu đồ/);
  });

  test('a sheet whose part is missing: that sheet reads as an error naming it, the others still read', () => {
    const wbXml =
      `${DECL}<workbook xmlns="${T_MAIN}" xmlns:r="${T_REL}"><sheets><sheet name="Mất" sheetId="2" r:id="rId9"/><sheet name="Dữ liệu" sheetId="1" r:id="rId1"/></sheets></workbook>`;
    const rels =
      `${DECL}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${T_REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
      `<Relationship Id="rId9" Type="${T_REL}/worksheet" Target="worksheets/sheet9.xml"/></Relationships>`;
    const wb = mustOpen(pkg(false, { 'xl/workbook.xml': wbXml, 'xl/_rels/workbook.xml.rels': rels }));
    const r = wb.readSheetResult('Mất');
    expect(r).toMatchObject({ ok: false, error: { code: 'corrupt' } });
    expect(!r.ok && r.error.message).toContain('Trang tính "Mất"');
    expect(wb.readSheetSync('Dữ liệu').rows).toHaveLength(3);
  });

  test('relationship targets percent-encoded, entry names with backslashes', () => {
    const rels =
      `${DECL}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${T_REL}/worksheet" Target="worksheets/s%E1%BB%91%201.xml"/>` +
      `<Relationship Id="rId2" Type="${T_REL}/styles" Target="styles.xml"/></Relationships>`;
    const bytes = pkg(false, {
      'xl/_rels/workbook.xml.rels': rels,
      'xl/worksheets/sheet1.xml': undefined,
      'xl\\worksheets\\số 1.xml': dataSheet(T_MAIN),
    });
    expect(mustOpen(bytes).readSheetSync('Dữ liệu').rows[2]).toEqual(['CD02', 'Công đoàn Sở Y tế', 40]);
  });
});

describe('malformed sheet data: an error naming the sheet, never a hang', () => {
  test.each([
    ['an inline string never closed', '<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></c></row>'],
    ['a comment never closed', '<row r="1"><c r="A1"><v>1</v></c></row><!-- x'],
    ['a row number past the grid (1,048,576 rows)', '<row r="4000000000"><c><v>1</v></c></row>'],
    ['a part cut short', '<row r="1"><c r="A1"><v>1'],
  ])('%s', (_, sheetData) => {
    const whole = `${DECL}<worksheet xmlns="${T_MAIN}"><sheetData>${sheetData}</sheetData></worksheet>`;
    const sheet = sheetData.endsWith('<v>1') ? whole.slice(0, whole.indexOf('<v>1') + 4) : whole;
    const wb = mustOpen(pkg(false, { 'xl/worksheets/sheet1.xml': sheet }));
    const r = wb.readSheetResult('Dữ liệu');
    expect(r).toMatchObject({ ok: false, error: { code: 'corrupt' } });
    expect(!r.ok && r.error.message).toContain('Trang tính "Dữ liệu"');
  });

  test('a row number that is not a number is the next row, as a missing one', () => {
    const sheet = `${DECL}<worksheet xmlns="${T_MAIN}"><sheetData><row r="x"><c><v>1</v></c></row><row><c><v>2</v></c></row></sheetData></worksheet>`;
    // Row "x" → row 1 (after row 0), the next row without a number → row 2.
    expect(mustOpen(pkg(false, { 'xl/worksheets/sheet1.xml': sheet })).readSheetSync('Dữ liệu').rows).toEqual([[1], [2]]);
  });
});

describe('a part with a DTD (entity-expansion bomb)', () => {
  it('is refused as a damaged file (exit 2 path), never written back', () => {
    const bomb =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>' +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="&lol2;"/></Types>';
    const bytes = makeZip({
      '[Content_Types].xml': bomb,
      '_rels/.rels': '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
      'xl/workbook.xml': '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="A" sheetId="1" r:id="rId1"/></sheets></workbook>',
      'xl/_rels/workbook.xml.rels': '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
      'xl/worksheets/sheet1.xml': '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>',
    });
    let code: string | undefined;
    try {
      const opened = openXlsx(bytes);
      if (!opened.ok) code = opened.error.code;
      else opened.value.applySync({ sheets: [{ name: 'X', rows: [[{ v: 'y' }]] }] });
    } catch (e) {
      code = e instanceof XlsxError ? e.code : 'other';
    }
    expect(code).toBe('corrupt');
  });
});
