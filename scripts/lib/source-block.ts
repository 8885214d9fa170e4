/**
 * The source block of a research-corpus text: its id without the running number, with the
 * nd-hal prompts folded into their ASAP and FCE halves. Training and evaluation keep whole
 * blocks apart (validation folds, cross-fitting), so both read blocks the same way.
 */
export function sourceBlock(id: string): string {
  const base = id.replace(/-\d+$/, '');
  if (base.startsWith('nd-asap')) return 'nd-asap';
  if (base.startsWith('nd-fce')) return 'nd-fce';
  return base;
}
