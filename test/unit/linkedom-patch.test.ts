/**
 * linkedom as patches/linkedom+0.18.14.patch leaves it (decision 0014): a node's map of
 * listeners is made when its first listener is added, not when the node is made, so the
 * thousands of nodes of a chart or a parsed page cost no Map and no WeakMap entry each. Events
 * still reach their listeners and bubble, `once` and removal still hold, and removing a listener
 * from a node that never had one is no error (the patch guards the map it no longer makes up
 * front): these pass on linkedom with or without the patch, and fail on a patch that breaks
 * events. The last test fails, naming the fix, when an install skipped the patch.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';

const page = () => parseHTML('<!doctype html><html><body><div id="outer"><p id="inner">x</p></div></body></html>');

describe('linkedom events, with listener maps made on first use', () => {
  it('reaches a listener on the target, and on its parent when the event bubbles', () => {
    const { document: doc, Event } = page();
    const heard: string[] = [];
    doc.getElementById('inner')?.addEventListener('ping', () => heard.push('inner'));
    doc.getElementById('outer')?.addEventListener('ping', () => heard.push('outer'));
    doc.getElementById('inner')?.dispatchEvent(new Event('ping', { bubbles: true }));
    doc.getElementById('inner')?.dispatchEvent(new Event('ping'));
    expect(heard).toEqual(['inner', 'outer', 'inner']);
  });

  it('calls a `once` listener once, and a removed listener no more', () => {
    const { document: doc, Event } = page();
    const p = doc.getElementById('inner') as unknown as EventTarget;
    let once = 0;
    let kept = 0;
    const keep = () => (kept += 1);
    p.addEventListener('ping', () => (once += 1), { once: true });
    p.addEventListener('ping', keep);
    p.dispatchEvent(new Event('ping'));
    p.removeEventListener('ping', keep);
    p.dispatchEvent(new Event('ping'));
    expect([once, kept]).toEqual([1, 1]);
  });

  it('removes a listener from a node that never had one, and dispatches on it, without an error', () => {
    const { document: doc, Event } = page();
    const p = doc.getElementById('inner') as unknown as EventTarget;
    expect(() => p.removeEventListener('ping', () => undefined)).not.toThrow();
    expect(p.dispatchEvent(new Event('ping'))).toBe(true);
  });

  it('is the patched linkedom: no map made in the constructor', () => {
    const root = dirname(createRequire(import.meta.url).resolve('linkedom'));
    for (const file of [join(root, '../esm/interface/event-target.js'), join(root, '../cjs/interface/event-target.js')]) {
      const constructor = /class DOMEventTarget \{\s*(?:\/\/[^\n]*\s*)*constructor\(\) \{[^}]*\}/u.exec(readFileSync(file, 'utf8'))?.[0];
      expect(constructor, `${file}: no DOMEventTarget constructor found; has linkedom changed?`).toBeDefined();
      expect(
        constructor,
        `${file}: patches/linkedom+0.18.14.patch is not applied; run npm install, whose postinstall runs patch-package`,
      ).not.toMatch(/wm\.set/u);
    }
  });
});
