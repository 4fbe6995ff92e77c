import { element } from './dom.js';

/** What the digit pickers need of a generator: its inputs (a conditional one has a class input). */
interface GeneratorInputs {
  readonly inputs: { readonly shape: readonly (number | null)[] }[];
}

/**
 * The digit pickers: the grid's digit (`#digit`, "any" or a class) and the walk's two digits
 * (`#walk-from`, `#walk-to`). Enabled for a class-conditional generator, whose classes they list;
 * disabled, and the components left without classes, for another.
 */
export function setUpDigitPickers(
  grid: HTMLElementTagNameMap['dcgan-sample-grid'],
  walk: HTMLElementTagNameMap['dcgan-latent-walk'],
): (generator: GeneratorInputs) => void {
  const digit = element<HTMLSelectElement>('#digit');
  const from = element<HTMLSelectElement>('#walk-from');
  const to = element<HTMLSelectElement>('#walk-to');
  const applyDigit = () => {
    grid.digit = digit.value === '' ? undefined : Number(digit.value);
  };
  const applyWalk = () => {
    walk.classes = from.disabled ? undefined : `${from.value},${to.value}`;
  };
  digit.addEventListener('change', applyDigit);
  from.addEventListener('change', applyWalk);
  to.addEventListener('change', applyWalk);
  return (generator) => {
    const classes = generator.inputs[1]?.shape[1];
    const count = typeof classes === 'number' ? classes : 0;
    const options = (first: string[]) =>
      [...first, ...Array.from({ length: count }, (_, c) => String(c))].map(
        (value) => new Option(value === '' ? 'any' : value, value),
      );
    digit.replaceChildren(...options(['']));
    from.replaceChildren(...options([]));
    to.replaceChildren(...options([]));
    if (count > 1) to.value = '1';
    for (const select of [digit, from, to]) select.disabled = count === 0;
    applyDigit();
    applyWalk();
  };
}
