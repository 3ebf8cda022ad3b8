import { describe, expect, it } from 'vitest';
import { chromiumCandidates, findChromium, noChromiumMessage, requireChromium } from '../../scripts/lib/find-chromium.ts';
import { isHeadlessShell } from '../../scripts/lib/launch-chromium.ts';

describe('find-chromium', () => {
  it('takes CHROME_PATH alone when it is set', () => {
    expect(chromiumCandidates({ CHROME_PATH: '/opt/x/chrome' }, 'linux')).toEqual([{ path: '/opt/x/chrome', from: 'CHROME_PATH' }]);
    // a file that exists on every machine stands in for a browser
    expect(findChromium({ CHROME_PATH: process.execPath }, 'linux')).toEqual({ path: process.execPath, from: 'CHROME_PATH' });
  });

  it('says so when CHROME_PATH names no file, instead of looking elsewhere', () => {
    const found = findChromium({ CHROME_PATH: '/no/such/chrome' }, 'linux');
    expect(found.path).toBeUndefined();
    if (found.path !== undefined) return;
    expect(found.problem).toBe('CHROME_PATH is set to /no/such/chrome, where there is no file');
    expect(() => requireChromium({ CHROME_PATH: '/no/such/chrome' })).toThrow(/CHROME_PATH is set to \/no\/such\/chrome/u);
  });

  it("looks at Debian's packages first on Linux, the headless shell before the browser unless a full browser is asked for, and at /Applications on macOS; an empty CHROME_PATH counts as unset", () => {
    const linux = chromiumCandidates({ CHROME_PATH: '' }, 'linux').map((c) => c.path);
    expect(linux.slice(0, 3)).toEqual(['/usr/bin/chromium-headless-shell', '/usr/bin/chromium', '/usr/bin/chromium-browser']);
    const full = chromiumCandidates({}, 'linux', { shell: false }).map((c) => c.path);
    expect(full.slice(0, 2)).toEqual(['/usr/bin/chromium', '/usr/bin/chromium-browser']);
    expect(linux.some((p) => p.startsWith('/Applications/'))).toBe(false);
    const mac = chromiumCandidates({}, 'darwin').map((c) => c.path);
    expect(mac).toContain('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
    expect(mac).toContain('/Applications/Chromium.app/Contents/MacOS/Chromium');
    expect(mac).not.toContain('/usr/bin/chromium');
  });

  it('tells how to get one on Debian, macOS and other Linux, and lists where it looked', () => {
    const msg = noChromiumMessage({ path: undefined, looked: [{ path: '/usr/bin/chromium', from: 'Debian' }] });
    expect(msg).toMatch(/^No Chromium found\./u);
    expect(msg).toContain('Looked at: /usr/bin/chromium.');
    expect(msg).toMatch(/Debian.*apt-get install chromium/u);
    expect(msg).toMatch(/macOS.*brew install --cask chromium.*CHROME_PATH/su);
    expect(msg).toMatch(/other Linux.*CHROME_PATH/u);
  });
});

describe('isHeadlessShell', () => {
  it("tells Debian's and Playwright's headless shells from full browsers", () => {
    expect(isHeadlessShell('/usr/bin/chromium-headless-shell')).toBe(true);
    expect(isHeadlessShell('/root/.cache/ms-playwright/chromium_headless_shell-1200/chrome-linux/headless_shell')).toBe(true);
    expect(isHeadlessShell('C:\\pw\\chrome-headless-shell-win64\\chrome-headless-shell.exe')).toBe(true);
    expect(isHeadlessShell('/usr/bin/chromium')).toBe(false);
    expect(isHeadlessShell('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome')).toBe(false);
    expect(isHeadlessShell('/opt/headless-shell-tools/chrome')).toBe(false);
  });
});
