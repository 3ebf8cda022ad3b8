/**
 * The allocators' settings (src/lib/site/allocator-env.ts) reach the allocators: glibc and
 * mimalloc ignore a name they do not know without a word, so a misspelt setting would simply
 * save nothing. Here glibc's loader lists the tunables it read, and mimalloc, loaded with
 * resvg-js, prints its options; and the `export` lines scripts/test.sh evaluates give a process
 * the same values, quoted for the shell whatever the environment already held.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DRAWING_ALLOCATOR, shellExports, TEST_RUN_ALLOCATOR, withAllocatorSettings } from '../../src/lib/site/allocator-env.ts';

const LOADER = '/lib64/ld-linux-x86-64.so.2';

describe('the allocators’ settings', () => {
  it('are added to an environment without them, and everything else in it is kept', () => {
    expect(withAllocatorSettings({ PATH: '/bin' }, TEST_RUN_ALLOCATOR)).toEqual({ PATH: '/bin', ...TEST_RUN_ALLOCATOR });
    // the drawing process's are mimalloc's alone: glibc's raised the build's peak memory
    expect(withAllocatorSettings({ PATH: '/bin' }, DRAWING_ALLOCATOR)).toEqual({ PATH: '/bin', ...DRAWING_ALLOCATOR });
    expect(Object.keys(DRAWING_ALLOCATOR)).toEqual(['MIMALLOC_PURGE_DELAY']);
  });

  it('leave a purge delay already set alone, and put tunables already set after theirs, once each', () => {
    const env = withAllocatorSettings(
      {
        MIMALLOC_PURGE_DELAY: '50',
        GLIBC_TUNABLES: 'glibc.malloc.hugetlb=0:glibc.malloc.trim_threshold=67108864:glibc.malloc.arena_max=2',
      },
      TEST_RUN_ALLOCATOR,
    );
    expect(env['MIMALLOC_PURGE_DELAY']).toBe('50');
    expect(env['GLIBC_TUNABLES']).toBe(`${TEST_RUN_ALLOCATOR.GLIBC_TUNABLES}:glibc.malloc.hugetlb=0:glibc.malloc.arena_max=2`);
    // merged again (the test run's environment, then the drawing process's), they stay as they were
    expect(withAllocatorSettings(env, TEST_RUN_ALLOCATOR)).toEqual(env);
    expect(withAllocatorSettings(env, DRAWING_ALLOCATOR)).toEqual(env);
  });

  it('are printed as export lines that give a shell the values exactly, quotes and all', () => {
    const env = withAllocatorSettings({ GLIBC_TUNABLES: "glibc.x='1'; echo no" }, TEST_RUN_ALLOCATOR);
    const shell = execFileSync(
      'bash',
      ['-c', `${shellExports(env, TEST_RUN_ALLOCATOR)}\nprintf '%s\\n' "$MIMALLOC_PURGE_DELAY" "$GLIBC_TUNABLES"`],
      {
        encoding: 'utf8',
      },
    );
    expect(shell).toBe(`${TEST_RUN_ALLOCATOR.MIMALLOC_PURGE_DELAY}\n${TEST_RUN_ALLOCATOR.GLIBC_TUNABLES}:glibc.x='1'; echo no\n`);
  });

  it('are what the command scripts/test.sh evaluates prints', () => {
    const printed = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/allocator-env.ts'], {
      encoding: 'utf8',
      env: { PATH: process.env['PATH'] },
    });
    expect(printed.trim()).toBe(shellExports(withAllocatorSettings({}, TEST_RUN_ALLOCATOR), TEST_RUN_ALLOCATOR));
  });

  // glibc's loader, asked to list its tunables, shows the values it took from the environment
  it.skipIf(!existsSync(LOADER))("are each read by glibc, with the value given (its loader's --list-tunables)", () => {
    const listed = execFileSync(LOADER, ['--list-tunables'], {
      encoding: 'utf8',
      env: { GLIBC_TUNABLES: TEST_RUN_ALLOCATOR.GLIBC_TUNABLES },
    });
    const given = TEST_RUN_ALLOCATOR.GLIBC_TUNABLES.split(':').map((t) => t.split('='));
    expect(given.length).toBe(3);
    for (const [name, value] of given) {
      const line = new RegExp(`^${name!.replaceAll('.', '\\.')}: (0x[0-9a-f]+)`, 'mu').exec(listed);
      expect(line, `${name} is not among glibc's tunables`).not.toBeNull();
      expect(Number(line![1]), name).toBe(Number(value));
    }
  });

  it('set the purge delay of the mimalloc resvg-js carries (its verbose start-up lists its options)', () => {
    const run = spawnSync(process.execPath, ['-e', "require('@resvg/resvg-js')"], {
      encoding: 'utf8',
      env: { ...withAllocatorSettings({}, DRAWING_ALLOCATOR), MIMALLOC_VERBOSE: '1' },
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(new RegExp(`^mimalloc: option 'purge_delay': ${DRAWING_ALLOCATOR.MIMALLOC_PURGE_DELAY}$`, 'mu'));
  });
});
