/** The page's element matching `selector`; throws when the page lacks it. */
export function element<T extends Element = HTMLElement>(selector: string): T {
  const found = document.querySelector<T>(selector);
  if (!found) throw new Error(`the page has no ${selector}`);
  return found;
}

/** The number in an input, within [min, max], or `fallback` when it is not a number. */
export function numberIn(
  input: HTMLInputElement,
  fallback: number,
  min = 0,
  max = Infinity,
): number {
  const value = Math.round(Number(input.value));
  return Number.isFinite(value) && input.value !== ''
    ? Math.min(max, Math.max(min, value))
    : fallback;
}
