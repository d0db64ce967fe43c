/** A new, empty workbook (the template command starts from this). */
import { DEFAULT_LIMITS } from './limits';
import { XlsxPackage } from './pkg';
import { STYLES_CONTENT_TYPE, minimalStylesXml } from './stylesPatch';
import { XlsxWorkbook } from './XlsxWorkbook';

const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const PKG_RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DOC_RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/**
 * No sheets until a plan adds them. Excel needs at least one sheet to open a file, so callers
 * apply a plan with sheets before `toBytes()`.
 * The default font is Times New Roman 12, the font of Vietnamese administrative documents.
 */
export function createXlsx(): XlsxWorkbook {
  const pkg = new XlsxPackage(new Uint8Array(0), [], DEFAULT_LIMITS);
  pkg.setText(
    '[Content_Types].xml',
    `${XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      `<Override PartName="/xl/styles.xml" ContentType="${STYLES_CONTENT_TYPE}"/>` +
      '</Types>',
  );
  pkg.setText(
    '_rels/.rels',
    `${XML_DECL}<Relationships xmlns="${PKG_RELS}">` +
      `<Relationship Id="rId1" Type="${DOC_RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  pkg.setText(
    'xl/workbook.xml',
    `${XML_DECL}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${DOC_RELS}">` +
      '<bookViews><workbookView/></bookViews><sheets/><calcPr calcId="191029"/></workbook>',
  );
  pkg.setText(
    'xl/_rels/workbook.xml.rels',
    `${XML_DECL}<Relationships xmlns="${PKG_RELS}">` +
      `<Relationship Id="rId1" Type="${DOC_RELS}/styles" Target="styles.xml"/></Relationships>`,
  );
  pkg.setText('xl/styles.xml', minimalStylesXml({ name: 'Times New Roman', size: 12, family: '1' }));
  return new XlsxWorkbook(pkg, DEFAULT_LIMITS, 'xl/workbook.xml');
}
