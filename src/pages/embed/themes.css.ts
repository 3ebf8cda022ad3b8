/**
 * The palettes an embed's ?theme= forces, generated from src/styles/global.css so the colours
 * stay defined in one place. A file of its own, not a <style> in each embed: the pages'
 * Content-Security-Policy allows no inline CSS (docs/decisions/0006).
 */
import type { APIRoute } from 'astro';
// read as text through the bundler: a file path would point into the build's own folders
import globalCss from '../../styles/global.css?raw';
import { paletteCss, parseThemeColors } from '../../lib/chart/theme-colors.ts';

export const GET: APIRoute = () => {
  const colors = parseThemeColors(globalCss);
  const css =
    `:root[data-theme='light']{color-scheme:light;${paletteCss(colors.light, colors.dark)}}\n` +
    `:root[data-theme='dark']{color-scheme:dark;${paletteCss(colors.dark, colors.dark)}}\n`;
  return new Response(css, { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
};
