/**
 * Settings for the memory allocators of the process that draws the build's images and of every
 * process of the test run, given as environment variables: glibc reads GLIBC_TUNABLES only when a
 * process starts, so they go into the environment of the processes started, not of the one running.
 *
 * Why: page faults are dear on the virtual machines this project is built and tested on (system
 * time was about 30 % of a test run's CPU), and a process that gives memory back and takes it
 * again pays one for every 4 KB it touches. A drawing allocates and frees a pixmap of megabytes
 * for every PNG; left to their defaults, resvg-js's allocator (mimalloc) returns freed pages 10 ms
 * later and glibc trims its heaps and maps large blocks afresh. Kept a while instead, they are
 * reused. Measured
 * (docs/decisions/0013-chart-images-drawn-beside-the-pages.md), the images the same bytes:
 * - the real site's images with an empty cache: 1.4 million page faults and 40–48 CPU-seconds by
 *   default, 0.6 million with mimalloc's setting, 0.3–0.4 million and 28–30 CPU-seconds with both;
 * - the build at 20,000 figures: 512–606 CPU-seconds by default, 336–406 with mimalloc's setting
 *   (peaks 1,957–1,985 MB), 342–371 with both but peaks of 2,035–2,096 MB, over the 2 GB it is
 *   held to. So the build's drawing process gets mimalloc's setting alone, and the test run, whose
 *   peak nobody holds it to, gets both.
 */

/** for the build's drawing process: mimalloc (linked into @resvg/resvg-js) returns pages left unused for a second, not for 10 ms */
export const DRAWING_ALLOCATOR = { MIMALLOC_PURGE_DELAY: '1000' } as const;

/**
 * for every process of the test run, also glibc's: blocks up to 32 MB (its largest threshold)
 * from the heap rather than each mapped afresh, no trimming of free heap under 64 MB, and heaps on
 * transparent huge pages where the kernel offers them on request (one fault a 2 MB page)
 */
export const TEST_RUN_ALLOCATOR = {
  ...DRAWING_ALLOCATOR,
  GLIBC_TUNABLES: 'glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=67108864:glibc.malloc.hugetlb=1',
} as const;

type Settings = typeof DRAWING_ALLOCATOR | typeof TEST_RUN_ALLOCATOR;

/**
 * `env` with `settings` added: a MIMALLOC_PURGE_DELAY already set is kept, and tunables already
 * set are put after these, so that where both name a tunable the one already set wins (glibc reads
 * the list in order); those equal to one of these are not repeated.
 */
export function withAllocatorSettings(env: NodeJS.ProcessEnv, settings: Settings): NodeJS.ProcessEnv {
  const merged: NodeJS.ProcessEnv = { ...env, MIMALLOC_PURGE_DELAY: env['MIMALLOC_PURGE_DELAY'] ?? settings.MIMALLOC_PURGE_DELAY };
  if ('GLIBC_TUNABLES' in settings) {
    const ours = settings.GLIBC_TUNABLES.split(':');
    const theirs = (env['GLIBC_TUNABLES'] ?? '').split(':').filter((t) => t !== '' && !ours.includes(t));
    merged['GLIBC_TUNABLES'] = [...ours, ...theirs].join(':');
  }
  return merged;
}

/** `export NAME='value'` lines for a POSIX shell's `eval`: each variable `settings` names, as `env` holds it */
export function shellExports(env: NodeJS.ProcessEnv, settings: Settings): string {
  return Object.keys(settings)
    .map((name) => `export ${name}='${(env[name] ?? '').replaceAll("'", "'\\''")}'`)
    .join('\n');
}
