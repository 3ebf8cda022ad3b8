/**
 * Settings for the memory allocators of the processes that draw the build's images and run the
 * tests, given as environment variables: glibc reads GLIBC_TUNABLES only when a process starts,
 * so they go into the environment of the processes started, not into the one already running.
 *
 * Why: on the virtual machines this project is built and tested on, the host takes back memory a
 * process gives back, and the process then pays a page fault for every 4 KB it touches again. A
 * drawing allocates and frees a pixmap of megabytes for every PNG; left to their defaults,
 * resvg-js's allocator (mimalloc) returns freed pages 10 ms later and glibc trims its heaps and
 * maps every large block afresh. Kept instead, they are reused: drawing the real site's images
 * with an empty cache took 1.3–1.5 million page faults and 40–48 CPU-seconds by default, and
 * 0.34 million and 28–29 CPU-seconds with these settings; the images are the same bytes
 * (docs/decisions/0013-chart-images-drawn-beside-the-pages.md). A process then keeps the memory
 * it has used at its peak until it ends, rather than giving part of it back between peaks.
 */

/** Each variable's value; a GLIBC_TUNABLES list, the tunables' names with their values. */
export const ALLOCATOR_SETTINGS = {
  // mimalloc (linked into @resvg/resvg-js): never return freed pages to the system
  MIMALLOC_PURGE_DELAY: '-1',
  // glibc: blocks up to 32 MB (its largest threshold) from the heap rather than each mapped afresh,
  // no trimming of free heap below 1 GB, and heaps on transparent huge pages where the kernel
  // offers them on request (one fault a 2 MB page; the kernel's "madvise" mode)
  GLIBC_TUNABLES: 'glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=1073741824:glibc.malloc.hugetlb=1',
} as const;

/**
 * `env` with the settings above added: a MIMALLOC_PURGE_DELAY already set is kept, and tunables
 * already set are put after these, so that where both name a tunable the one already set wins
 * (glibc reads the list in order); those equal to one of these are not repeated.
 */
export function withAllocatorSettings(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const ours = ALLOCATOR_SETTINGS.GLIBC_TUNABLES.split(':');
  const theirs = (env['GLIBC_TUNABLES'] ?? '').split(':').filter((t) => t !== '' && !ours.includes(t));
  return {
    ...env,
    MIMALLOC_PURGE_DELAY: env['MIMALLOC_PURGE_DELAY'] ?? ALLOCATOR_SETTINGS.MIMALLOC_PURGE_DELAY,
    GLIBC_TUNABLES: [...ours, ...theirs].join(':'),
  };
}

/** `export NAME='value'` lines for a POSIX shell's `eval`, one for each setting in `env` */
export function shellExports(env: NodeJS.ProcessEnv): string {
  return Object.keys(ALLOCATOR_SETTINGS)
    .map((name) => `export ${name}='${(env[name] ?? '').replaceAll("'", "'\\''")}'`)
    .join('\n');
}
