/**
 * Shows an error in the page's alert box (`#error`), added to any already shown: what failed, why,
 * and what to do. Also logs it, with its stack, to the console.
 */
export function showError(what: string, error: unknown, advice = ''): void {
  const box = document.querySelector<HTMLElement>('#error');
  const message = error instanceof Error ? error.message : String(error);
  console.error(what, error);
  if (!box) return;
  const item = document.createElement('p');
  const title = document.createElement('strong');
  title.textContent = what;
  item.append(title, `: ${message}`);
  if (advice) item.append(document.createElement('br'), advice);
  box.append(item);
  box.hidden = false;
}
