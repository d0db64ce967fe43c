/**
 * The two conformance classes of SpreadsheetML (ISO/IEC 29500): Transitional (what Excel saves by
 * default, namespaces under schemas.openxmlformats.org) and Strict (purl.oclc.org namespaces,
 * "Strict Open XML Spreadsheet" in Excel's Save As). Element names and content types are the same
 * in both; only the namespace URIs of the markup and of the relationship types differ. Parts we add
 * to a package use the package's own class: mixing them gives a file Excel repairs.
 */
import { rootElement, rootNamespace } from './xml';

export type Conformance = 'transitional' | 'strict';

/** SpreadsheetML main namespace of each class. */
export const MAIN_NS: Readonly<Record<Conformance, string>> = {
  transitional: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  strict: 'http://purl.oclc.org/ooxml/spreadsheetml/main',
};

/** Namespace of relationship types and of the `r:id` attributes of each class. */
export const DOC_REL_NS: Readonly<Record<Conformance, string>> = {
  transitional: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  strict: 'http://purl.oclc.org/ooxml/officeDocument/relationships',
};

/** The class of a SpreadsheetML part, from the namespace of its root element (Transitional unless Strict). */
export function conformanceOf(xml: string): Conformance {
  return rootNamespace(xml, rootElement(xml).prefix) === MAIN_NS.strict ? 'strict' : 'transitional';
}

/** A relationship type (e.g. `worksheet`, `styles`) in the namespace of the class. */
export function relType(c: Conformance, kind: string): string {
  return `${DOC_REL_NS[c]}/${kind}`;
}

/**
 * `type` moved into the other class's namespace when it is an officeDocument relationship type
 * of the wrong class; any other type (package, vendor) is returned unchanged.
 */
export function relTypeIn(c: Conformance, type: string): string {
  for (const from of Object.values(DOC_REL_NS)) {
    if (type.startsWith(from + '/')) return DOC_REL_NS[c] + type.slice(from.length);
  }
  return type;
}
