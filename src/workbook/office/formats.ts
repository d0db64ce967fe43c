/// <reference types="office-js" />
/**
 * STYLES in the Excel object model. One style is set on one RangeFormat — of a RangeAreas that
 * holds every cell of that style, or of one rectangle — so the number of commands depends on
 * the number of styles and rectangles, not on the number of cells.
 */
import type { StyleDef } from '../styles';

/** Thin borders on every edge of every cell, as the xlsx adapter writes them. */
const BORDER_SIDES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal', 'InsideVertical'] as const;

const H_ALIGN = { left: 'Left', center: 'Center', right: 'Right' } as const;
const V_ALIGN = { top: 'Top', center: 'Center' } as const;

/**
 * Queues the properties of one style on a format (the cells were cleared first, so only what
 * the style sets is written). The number format travels with the values instead (RangeFormat
 * has none): see `numberFormatFor`.
 *
 */
export function applyStyle(format: Excel.RangeFormat, def: StyleDef): void {
  if (def.fill) format.fill.color = '#' + def.fill;
  const font = def.font;
  if (font) {
    if (font.bold) format.font.bold = true;
    if (font.italic) format.font.italic = true;
    if (font.underline) format.font.underline = 'Single';
    if (font.color) format.font.color = '#' + font.color;
    if (font.size) format.font.size = font.size;
    // Set explicitly: the workbook's default font (often Calibri) must not print the meeting document.
    if (font.name) format.font.name = font.name;
  }
  const align = def.align;
  if (align?.h) format.horizontalAlignment = H_ALIGN[align.h];
  if (align?.v) format.verticalAlignment = V_ALIGN[align.v];
  if (align?.wrap) format.wrapText = true;
  if (align?.shrink) format.shrinkToFit = true;
  if (def.border) {
    for (const side of BORDER_SIDES) {
      // A continuous border is thin unless a weight is given.
      format.borders.getItem(side).style = 'Continuous';
    }
  }
}

/**
 * Objects and commands {@link applyStyle} queues for a style, without queueing them: the format
 * object, the fill/font/borders objects it navigates to, one object per border side, and one
 * command per property.
 */
export function styleCost(def: StyleDef): { objects: number; actions: number } {
  const f = def.font;
  const a = def.align;
  const fontProps = f ? [f.bold, f.italic, f.underline, f.color, f.size, f.name].filter(Boolean).length : 0;
  const actions = (def.fill ? 1 : 0) + fontProps + [a?.h, a?.v, a?.wrap, a?.shrink].filter(Boolean).length + (def.border ? BORDER_SIDES.length : 0);
  const objects = 1 + (def.fill ? 1 : 0) + (fontProps ? 1 : 0) + (def.border ? 1 + BORDER_SIDES.length : 0);
  return { objects, actions };
}
