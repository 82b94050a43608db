/**
 * `JSON.stringify(value, null, 2)` as it reads `depth` levels down: its lines after the first
 * indented by 2 x depth spaces. Made by stringifying the value inside `depth` arrays and cutting
 * them away, which is cheaper than indenting every line of a large value afterwards.
 */
export function stringifyAtDepth(value: unknown, depth: number): string {
  let wrapped: unknown = value;
  for (let level = 0; level < depth; level++) wrapped = [wrapped];
  const text = JSON.stringify(wrapped, null, 2);
  // Each wrapping array adds `[` + newline + its indentation before, and newline + indentation + `]` after.
  let head = 0;
  let tail = 0;
  for (let level = 0; level < depth; level++) {
    head += 2 + 2 * (level + 1);
    tail += 2 + 2 * level;
  }
  return text.slice(head, text.length - tail);
}
