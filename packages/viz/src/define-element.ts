/**
 * Defines a custom element once (importing the module twice, or two copies of this package, must
 * not throw), and not at all where there is no DOM (Node, server rendering).
 */
export function defineElement(name: string, element: CustomElementConstructor): void {
  if (typeof customElements === 'undefined' || customElements.get(name)) return;
  customElements.define(name, element);
}
