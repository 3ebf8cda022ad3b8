/**
 * The light and dark palettes, read from src/styles/global.css so that the colours live in
 * one place: the embed uses them to force a theme chosen by URL (?theme=), the static
 * images to replace var(--…) with concrete light colours (a PNG cannot follow a theme).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export type Palette = Record<string, string>;
export interface ThemeColors {
  light: Palette;
  dark: Palette;
}

export const GLOBAL_CSS = fileURLToPath(new URL('../../styles/global.css', import.meta.url));

function declarations(block: string): Palette {
  const out: Palette = {};
  for (const m of block.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/gu)) out[m[1]!.slice(2)] = m[2]!.trim();
  return out;
}

/** The first top-level `:root { … }` is the light palette; `:root` inside the dark media query the dark one. */
export function parseThemeColors(css: string, file = GLOBAL_CSS): ThemeColors {
  const light = /(?:^|\n):root\s*\{([^}]*)\}/u.exec(css)?.[1];
  const dark = /@media\s*\(prefers-color-scheme:\s*dark\)\s*\{\s*:root\s*\{([^}]*)\}/u.exec(css)?.[1];
  if (light === undefined) throw new Error(`${file}: no top-level ":root { … }" block with the light palette`);
  if (dark === undefined) throw new Error(`${file}: no "@media (prefers-color-scheme: dark) { :root { … } }" block with the dark palette`);
  return { light: declarations(light), dark: declarations(dark) };
}

export function readThemeColors(): ThemeColors {
  return parseThemeColors(readFileSync(GLOBAL_CSS, 'utf8'));
}

/** `--a: x; --b: y` for the variables a palette sets (fonts and sizes are left to the base block). */
export function paletteCss(palette: Palette, reference: Palette): string {
  return Object.keys(reference)
    .filter((k) => palette[k] !== undefined)
    .map((k) => `--${k}:${palette[k]}`)
    .join(';');
}

/**
 * Replaces every var(--name) by the palette's value. A variable the palette lacks is an
 * error naming it, not a silent default: a static image must not guess a colour.
 */
export function resolveCssVariables(text: string, palette: Palette, where: string, depth = 0): string {
  return text.replace(/var\(\s*--([\w-]+)\s*(?:,[^)]*)?\)/gu, (_, name: string) => {
    const v = palette[name];
    if (v === undefined) throw new Error(`${where}: var(--${name}) is not defined in the light palette of ${GLOBAL_CSS}`);
    if (depth > 8) throw new Error(`${where}: var(--${name}) refers to itself`);
    return v.includes('var(') ? resolveCssVariables(v, palette, where, depth + 1) : v;
  });
}
