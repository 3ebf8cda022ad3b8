/**
 * Views of a story section (`[data-views]`): shows the radio group, shows the chosen view and
 * hides the others, and keeps the choice in the URL as `?<param>=<value>` (replaceState, so
 * switching adds no history entries). A URL with the parameter, or a link to a chart of a
 * hidden view (`#chart-<id>`), opens that view. Without this script every view is shown.
 */
export function enableChartViews(root: Document): void {
  const url = new URL(root.location.href);
  for (const group of root.querySelectorAll<HTMLElement>('[data-views]')) {
    const param = group.dataset['views'] ?? '';
    const inputs = [...group.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    const panels = [...group.querySelectorAll<HTMLElement>('[data-view]')];
    const first = inputs[0];
    if (!param || !first || panels.length === 0) continue;

    const show = (value: string) => {
      for (const p of panels) p.hidden = p.dataset['view'] !== value;
      for (const i of inputs) i.checked = i.value === value;
    };
    const known = (v: string | null | undefined) => inputs.find((i) => i.value === v)?.value;
    const target = url.hash
      ? panels.find((p) => p.querySelector(`[id="${CSS.escape(decodeURIComponent(url.hash.slice(1)))}"]`))
      : undefined;
    show(known(target?.dataset['view']) ?? known(url.searchParams.get(param)) ?? first.value);
    if (target) target.scrollIntoView();

    group.querySelector('fieldset')?.removeAttribute('hidden');
    group.classList.add('is-switchable');
    group.addEventListener('change', (e) => {
      const input = e.target;
      if (!(input instanceof HTMLInputElement) || !known(input.value)) return;
      show(input.value);
      const next = new URL(root.location.href);
      next.searchParams.set(param, input.value);
      root.defaultView?.history.replaceState(root.defaultView.history.state, '', next);
    });
  }
}
