/**
 * DrawingML namespaces, content types and relationship kinds of the parts behind a sheet's chart,
 * in both conformance classes. Strict moves the namespaces to purl.oclc.org (ISO/IEC 29500-1 §A
 * and the Strict schemas `dml-chart.xsd`, `dml-spreadsheetDrawing.xsd`, `dml-main.xsd`); content
 * types are the same in both classes.
 */
import { type Conformance, DOC_REL_NS } from '../conformance';

export interface DrawingNamespaces {
  /** `c:` DrawingML charts. */
  readonly chart: string;
  /** `a:` DrawingML main. */
  readonly main: string;
  /** `xdr:` SpreadsheetML drawing. */
  readonly sheetDrawing: string;
  /** `r:` relationship ids. */
  readonly rel: string;
}

/** The namespaces of each class. */
export const DRAWING_NS: Readonly<Record<Conformance, DrawingNamespaces>> = {
  transitional: {
    chart: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
    main: 'http://schemas.openxmlformats.org/drawingml/2006/main',
    sheetDrawing: 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
    rel: DOC_REL_NS.transitional,
  },
  strict: {
    chart: 'http://purl.oclc.org/ooxml/drawingml/chart',
    main: 'http://purl.oclc.org/ooxml/drawingml/main',
    sheetDrawing: 'http://purl.oclc.org/ooxml/drawingml/spreadsheetDrawing',
    rel: DOC_REL_NS.strict,
  },
};

export const CHART_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
export const DRAWING_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.drawing+xml';

/**
 * The name the product gives its chart (`cNvPr name` in the drawing; the Office adapter sets the
 * same name through the API): a later run replaces the anchor of that name and keeps any other.
 */
export const PRODUCT_CHART_NAME = 'ChiTieuCDCS';
