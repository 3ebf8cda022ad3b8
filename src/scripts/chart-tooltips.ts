/**
 * Tooltips for build-time SVG charts: a mark with data-tip opens its tooltip on hover,
 * tap, or keyboard focus; Escape, a tap elsewhere or leaving the mark closes it. The
 * chart reads completely without this script; it only adds the pop-up.
 */
export function enableChartTooltips(root: Document): void {
  let open: { tip: HTMLElement; mark: Element } | undefined;

  const close = () => {
    if (!open) return;
    open.tip.hidden = true;
    open.mark.classList.remove('is-active');
    open = undefined;
  };

  const show = (mark: Element) => {
    const body = mark.closest('.chart-body');
    const tip = body?.querySelector<HTMLElement>('.chart-tip');
    if (!body || !tip) return;
    if (open && open.mark !== mark) close();
    // the native <title> tooltip would double ours
    mark.querySelector('title')?.remove();
    tip.textContent = mark.getAttribute('data-tip') ?? '';
    tip.hidden = false;
    mark.classList.add('is-active');
    const b = body.getBoundingClientRect();
    const m = mark.getBoundingClientRect();
    const left = Math.min(Math.max(m.left + m.width / 2 - b.left - tip.offsetWidth / 2, 0), b.width - tip.offsetWidth);
    const above = m.top - b.top - tip.offsetHeight - 8;
    tip.style.left = `${left}px`;
    tip.style.top = `${above >= 0 ? above : m.bottom - b.top + 8}px`;
    open = { tip, mark };
  };

  const markOf = (target: EventTarget | null) => (target instanceof Element ? target.closest('.tip-target') : null);
  // A tap focuses the mark before it clicks it; the click decides, so focus from a
  // pointer must not open the tooltip that the click would then toggle shut.
  let pressed: Element | null = null;
  root.addEventListener('pointerdown', (e) => {
    pressed = markOf(e.target);
  });

  root.addEventListener('pointerover', (e) => {
    if ((e as PointerEvent).pointerType === 'mouse') {
      const mark = markOf(e.target);
      if (mark) show(mark);
    }
  });
  root.addEventListener('pointerout', (e) => {
    if ((e as PointerEvent).pointerType === 'mouse' && open && markOf(e.target) === open.mark) close();
  });
  root.addEventListener('click', (e) => {
    pressed = null;
    const mark = markOf(e.target);
    if (mark) {
      if (open?.mark === mark) close();
      else show(mark);
    } else close();
  });
  root.addEventListener('focusin', (e) => {
    const mark = markOf(e.target);
    if (mark && mark !== pressed) show(mark);
  });
  root.addEventListener('focusout', (e) => {
    if (open && markOf(e.target) === open.mark) close();
  });
  root.addEventListener('keydown', (e) => {
    if ((e as KeyboardEvent).key === 'Escape') close();
  });
}
