/**
 * Prints the test run's allocator settings (TEST_RUN_ALLOCATOR, src/lib/site/allocator-env.ts),
 * merged with any already in the environment, as `export` lines: scripts/test.sh gives them to
 * every process of the run with `eval "$(node --import tsx scripts/allocator-env.ts)"`.
 */
import { shellExports, TEST_RUN_ALLOCATOR, withAllocatorSettings } from '../src/lib/site/allocator-env.ts';
import { cliArgs } from './lib/cli-args.ts';

cliArgs('allocator-env', 'node --import tsx scripts/allocator-env.ts', {}, { min: 0, max: 0 });
console.log(shellExports(withAllocatorSettings(process.env, TEST_RUN_ALLOCATOR), TEST_RUN_ALLOCATOR));
