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
