/** A node of the HTML tree (hast) that rehype plugins walk: what this plugin reads of it. */
interface HastNode {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

function walk(node: HastNode): void {
  if (node.type === 'element' && node.tagName === 'table') {
    node.properties = { ...node.properties, tabIndex: 0 };
  }
  for (const child of node.children ?? []) walk(child);
}

/**
 * Makes every table of the pages reachable by keyboard: Starlight lets a wide table scroll
 * sideways, and a scrolling region must take focus for keyboard users to scroll it (WCAG 2.1.1).
 */
export function rehypeFocusableTables() {
  return (tree: HastNode) => walk(tree);
}
