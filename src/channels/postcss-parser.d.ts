/** postcss's parser class (postcss/lib/parser.js ships no types): what src/channels/deps.ts uses of it. */
declare module 'postcss/lib/parser' {
  import type { Input, Root } from 'postcss';

  class Parser {
    constructor(input: Input);
    root: Root;
    input: Input;
    /** The container being filled. */
    current: { source?: { start?: { offset: number } } };
    parse(): void;
    /** Where a node starts or ends (postcss: line, column and offset). */
    getPosition(offset: number): { offset: number };
    /** Throws the "Unclosed block" syntax error at the open container's start. */
    unclosedBlock(): never;
  }
  export = Parser;
}
