/**
 * Text made safe to place in HTML, SVG or XML text and in double- or single-quoted
 * attributes. Astro escapes what templates print; this is for markup built as strings
 * (SVG drawn at build time, highlighted source text, embed snippets).
 */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/gu, (c) => ENTITIES[c] as string);
}
