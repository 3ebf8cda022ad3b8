/**
 * Prints the allocators' settings (src/lib/site/allocator-env.ts), merged with any already in
 * the environment, as `export` lines: scripts/test.sh gives them to every process of the test
 * run with `eval "$(node --import tsx scripts/allocator-env.ts)"`.
 */
import { shellExports, withAllocatorSettings } from '../src/lib/site/allocator-env.ts';
import { cliArgs } from './lib/cli-args.ts';

cliArgs('allocator-env', 'node --import tsx scripts/allocator-env.ts', {}, { min: 0, max: 0 });
console.log(shellExports(withAllocatorSettings(process.env)));
