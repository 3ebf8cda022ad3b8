/**
 * Copy buttons on the chart page. The buttons ship hidden, because without this script they
 * could do nothing; the text they copy is on the page either way. Success or failure is
 * said in a live region; when the clipboard is refused (an insecure context, a denied
 * permission) the text is selected so the reader can copy it by hand.
 */
export function enableCopyButtons(root: Document): void {
  for (const button of root.querySelectorAll<HTMLButtonElement>('button[data-copy-target]')) {
    const target = root.getElementById(button.dataset['copyTarget'] ?? '');
    const status = root.getElementById(button.dataset['copyStatus'] ?? '');
    if (!target || !status) continue;
    button.hidden = false;
    button.addEventListener('click', () => {
      void copyFrom(target).then((ok) => {
        if (!ok) selectContents(target);
        announce(status, (ok ? button.dataset['copied'] : button.dataset['copyFailed']) ?? '');
      });
    });
  }
}

function textOf(el: HTMLElement): string {
  if (el instanceof HTMLAnchorElement) return el.href;
  return el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement ? el.value : (el.textContent ?? '');
}

async function copyFrom(el: HTMLElement): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(textOf(el));
    return true;
  } catch {
    return false;
  }
}

function selectContents(el: HTMLElement): void {
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement) {
    el.focus();
    el.select();
    return;
  }
  const range = document.createRange();
  range.selectNodeContents(el);
  const sel = window.getSelection();
  sel?.removeAllRanges();
  sel?.addRange(range);
}

/** Clearing first makes a repeated message be announced again. */
function announce(status: HTMLElement, message: string): void {
  status.textContent = '';
  window.setTimeout(() => {
    status.textContent = message;
  }, 50);
}

/**
 * A build without SITE_URL writes a placeholder where the site's address goes (embed code) and
 * relative links (copy-link). With the script, both take the address this page was served
 * from; the note that says what to replace is then no longer needed.
 */
export function fillSiteAddress(root: Document): void {
  for (const row of root.querySelectorAll<HTMLElement>('[data-site-placeholder]')) {
    const placeholder = row.dataset['sitePlaceholder'] ?? '';
    const base = row.dataset['siteBase'] ?? '/';
    const here = new URL(base, root.location.href);
    const siteRoot = here.href.slice(0, -base.length) || here.origin;
    for (const el of row.querySelectorAll<HTMLElement>('[data-site-fill]')) {
      if (el instanceof HTMLAnchorElement) el.setAttribute('href', el.href);
      if (placeholder === '') continue;
      if (el instanceof HTMLTextAreaElement) {
        el.value = el.value.replaceAll(placeholder, siteRoot);
        el.textContent = el.value;
        continue;
      }
      const walker = root.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) n.nodeValue = (n.nodeValue ?? '').replaceAll(placeholder, siteRoot);
    }
    for (const note of row.querySelectorAll<HTMLElement>('[data-site-hide]')) note.hidden = true;
  }
}
