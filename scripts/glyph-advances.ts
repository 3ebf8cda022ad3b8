/**
 * Writes src/lib/text/glyph-advances.json from the image fonts (scripts/lib/glyph-advances.ts).
 *
 *   npm run fonts:advances
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cliArgs } from './lib/cli-args.ts';
import { glyphAdvancesJson } from './lib/glyph-advances.ts';

cliArgs('fonts:advances', 'npm run fonts:advances', {}, { min: 0, max: 0 });
const out = fileURLToPath(new URL('../src/lib/text/glyph-advances.json', import.meta.url));
writeFileSync(out, glyphAdvancesJson());
console.log(`fonts:advances: wrote ${out}`);
