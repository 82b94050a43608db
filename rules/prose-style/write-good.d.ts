/** Types for write-good 1.x (the package ships none). */
declare module 'write-good' {
  namespace writeGood {
    interface Suggestion {
      /** UTF-16 offset of the flagged text. */
      index: number;
      /** Length of the flagged text. */
      offset: number;
      reason: string;
    }
    /** `false` turns a check off; `eprime` is off unless `true`. */
    interface Options {
      passive?: boolean;
      illusion?: boolean;
      so?: boolean;
      thereIs?: boolean;
      weasel?: boolean;
      adverb?: boolean;
      tooWordy?: boolean;
      cliches?: boolean;
      eprime?: boolean;
      whitelist?: string[];
    }
  }
  function writeGood(text: string, options?: writeGood.Options): writeGood.Suggestion[];
  export = writeGood;
}
