/**
 * The reference the filter matcher is tested against: the textbook dynamic programme over prefixes
 * of glob and value (`*` matches any run of characters, everything else itself) — slow, obviously
 * right, and without the backtracking of a regular expression.
 */
export function referenceGlobMatch(glob: string, value: string): boolean {
  let row = [true, ...Array.from(value, () => false)];
  for (const g of glob) {
    const next = [g === '*' && row[0]];
    for (let j = 1; j <= value.length; j++)
      next[j] = g === '*' ? row[j] || next[j - 1] : row[j - 1] && g === value[j - 1];
    row = next;
  }
  return row[value.length];
}
