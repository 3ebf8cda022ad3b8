/**
 * Details for build-time SVG charts, as a toggletip: a tap, a click or Enter on a mark (or
 * on its row label) opens a small dialog with the figure's details and a link to the
 * sentence it came from; hovering with a mouse or focusing with the keyboard shows the same
 * box. Escape, the close button, a tap elsewhere or leaving the mark closes it, and Escape
 * returns focus to the mark. The box is kept inside the screen. The chart reads completely
 * without this script; it only adds the pop-up.
 */

export function enableChartTooltips(root: Document): void {
  let open: { tip: HTMLElement; mark: Element; pinned: boolean } | undefined;
  let leaveTimer: ReturnType<typeof setTimeout> | undefined;

  const close = (refocus = false) => {
    if (!open) return;
    const { tip, mark } = open;
    tip.hidden = true;
    mark.classList.remove('is-active');
    open = undefined;
    if (refocus && mark instanceof SVGElement) mark.focus();
  };

  const fill = (tip: HTMLElement, mark: Element, body: HTMLElement) => {
    tip.replaceChildren();
    const text = root.createElement('div');
    text.className = 'tip-text';
    text.textContent = mark.getAttribute('data-tip') ?? '';
    tip.append(text);
    const href = mark.getAttribute('data-href');
    if (href) {
      const a = root.createElement('a');
      a.href = `${body.dataset['base'] ?? '/'}${href}`;
      // the data page's path comes from the page (routes.ts): an import here would make this script a module
      // that loads a shared chunk, which an embed's sandboxed frame (an opaque origin) may not fetch
      a.textContent =
        (href.startsWith(tip.dataset['dataPage'] ?? 'data/') ? tip.dataset['linkDerived'] : tip.dataset['linkSource']) ?? href;
      tip.append(a);
    }
    const x = root.createElement('button');
    x.type = 'button';
    x.className = 'tip-close';
    x.setAttribute('aria-label', tip.dataset['close'] ?? '×');
    x.textContent = '×';
    x.addEventListener('click', (e) => {
      e.stopPropagation();
      close(true);
    });
    tip.append(x);
  };

  const place = (tip: HTMLElement, mark: Element, body: HTMLElement) => {
    const b = body.getBoundingClientRect();
    const m = mark.getBoundingClientRect();
    const vw = root.documentElement.clientWidth;
    const margin = 4;
    // centred on the mark, then pushed inside the screen (not only inside the chart)
    let left = m.left + m.width / 2 - tip.offsetWidth / 2;
    left = Math.min(Math.max(left, margin), vw - margin - tip.offsetWidth);
    // above the mark while that keeps it on the drawing, so the chart's title and legend stay readable; else below
    const aboveTop = m.top - tip.offsetHeight - 8;
    const top = aboveTop >= Math.max(margin, b.top) ? aboveTop : m.bottom + 8;
    tip.style.left = `${left - b.left}px`;
    tip.style.top = `${top - b.top}px`;
  };

  const show = (mark: Element, pinned: boolean) => {
    const body = mark.closest<HTMLElement>('.chart-body');
    const tip = body?.querySelector<HTMLElement>('.chart-tip');
    if (!body || !tip) return;
    clearTimeout(leaveTimer);
    if (open && open.mark !== mark) close();
    // the native <title> tooltip would double ours
    mark.querySelector('title')?.remove();
    if (open?.mark !== mark) {
      fill(tip, mark, body);
      tip.hidden = false;
      mark.classList.add('is-active');
      place(tip, mark, body);
    }
    open = { tip, mark, pinned: pinned || (open?.pinned ?? false) };
  };

  /** the mark a target stands for: the mark itself, or the mark a row label names */
  const markOf = (target: EventTarget | null): Element | null => {
    if (!(target instanceof Element)) return null;
    const mark = target.closest('.tip-target');
    if (mark) return mark;
    const label = target.closest('[data-for]');
    const key = label?.getAttribute('data-for');
    return key ? (label?.closest('svg')?.querySelector(`.tip-target[data-key="${key}"]`) ?? null) : null;
  };
  const inTip = (target: EventTarget | null) => target instanceof Element && target.closest('.chart-tip') !== null;

  // A tap focuses the mark before it clicks it; the click decides, so focus from a
  // pointer must not open the tooltip that the click would then toggle shut.
  let pressed: Element | null = null;
  root.addEventListener('pointerdown', (e) => {
    pressed = markOf(e.target);
  });
  root.addEventListener('pointerover', (e) => {
    if ((e as PointerEvent).pointerType !== 'mouse') return;
    if (inTip(e.target)) {
      clearTimeout(leaveTimer);
      return;
    }
    const mark = markOf(e.target);
    if (mark) show(mark, false);
  });
  root.addEventListener('pointerout', (e) => {
    if ((e as PointerEvent).pointerType !== 'mouse' || !open || open.pinned) return;
    if (markOf(e.target) === open.mark || inTip(e.target)) {
      clearTimeout(leaveTimer);
      // time to move the pointer onto the box and its link
      leaveTimer = setTimeout(() => close(), 400);
    }
  });
  root.addEventListener('click', (e) => {
    pressed = null;
    if (inTip(e.target)) return;
    const mark = markOf(e.target);
    if (mark) {
      if (open?.mark === mark && open.pinned) close();
      else show(mark, true);
    } else close();
  });
  root.addEventListener('focusin', (e) => {
    const mark = markOf(e.target);
    if (mark && mark !== pressed) show(mark, false);
  });
  root.addEventListener('focusout', (e) => {
    if (!open) return;
    const next = (e as FocusEvent).relatedTarget;
    if (next === open.mark || inTip(next)) return;
    if (markOf(e.target) === open.mark || inTip(e.target)) close();
  });
  root.addEventListener('keydown', (e) => {
    const key = (e as KeyboardEvent).key;
    if (key === 'Escape' && open) {
      close(true);
      return;
    }
    // Enter or Space on a mark opens its details and moves focus to the link in them
    if (key === 'Enter' || key === ' ') {
      const mark = markOf(e.target);
      if (!mark || !(e.target instanceof Element) || !e.target.classList.contains('tip-target')) return;
      e.preventDefault();
      show(mark, true);
      open?.tip.querySelector<HTMLElement>('a, button')?.focus();
    }
  });
}
