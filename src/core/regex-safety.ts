/**
 * Load-time check of user regular expressions (rule-pack patterns, the guideline file's
 * `voice.banned` patterns) for catastrophic backtracking: a pattern like `(a+)+$` takes
 * exponential time on a line of `a`s, and a lint run would never end.
 *
 * Two analyses, both static (nothing is run against text):
 * - scslre (the analyser behind eslint-plugin-regexp's `no-super-linear-backtracking`) finds
 *   quantifiers that trade characters with each other or with themselves (`(a+)+`, `\d*\d*$`);
 * - an ambiguity check with refa (the automata library scslre is built on) finds what scslre
 *   does not: an unbounded repetition whose body can match the same text in two ways, either
 *   through two alternatives that overlap (`(a|a)*`) or because one pass of the body can also be
 *   read as two passes (`(\d|\d\d)+`). Each such repetition doubles the ways to try per pass.
 *
 * The analysers are imported lazily and only for patterns that contain a quantifier at all
 * (a pattern without `*`, `+`, `?` or `{` cannot backtrack catastrophically), so the usual
 * word-list pattern costs nothing. The time bound on each file's rules is enforced by the engine;
 * this check rejects the known-bad shapes early, with a message that says where.
 */

/** Why a pattern is rejected: the part of it that backtracks and how. */
export interface RegexHazard {
  /** The sub-pattern that backtracks (`a+` of `(a+)+$`). */
  part: string;
  /** One sentence: what can happen and why. */
  reason: string;
}

/** Repetitions with at least this many passes count as unbounded (2^16 tries per match is already too slow). */
const MANY_PASSES = 16;

/** Upper bound on automaton sizes built for the ambiguity check; larger patterns are not analysed by it. */
const MAX_NODES = 20_000;

/** Whether a pattern has anything that repeats; without a quantifier there is nothing to backtrack over. */
export function hasQuantifier(source: string): boolean {
  return /[*+?{]/.test(source);
}

/**
 * The first catastrophic-backtracking hazard of a pattern (compiled with `flags`), or null when
 * none is found. The pattern must be a valid regular expression for those flags.
 */
export async function findBacktrackingHazard(source: string, flags: string): Promise<RegexHazard | null> {
  if (!hasQuantifier(source)) return null;
  const [{ analyse }, refa] = await Promise.all([import('scslre'), import('refa')]);
  const literal = { source, flags: flags.replace(/[gy]/g, '') };
  let analysis: ReturnType<typeof analyse>;
  try {
    // Move reports (a pattern re-tried at every start position) are linear per try and not what hangs a run.
    analysis = analyse(literal, { reportTypes: { Move: false }, maxReports: 1 });
  } catch {
    // A pattern the analyser cannot parse (valid for V8, newer than regexpp): nothing to say about it.
    return null;
  }
  const report = analysis.reports[0];
  if (report) {
    const how = report.exponential ? 'exponential' : 'polynomial';
    if (report.type === 'Trade') {
      return {
        part: report.startQuant.raw,
        reason: `"${report.startQuant.raw}" and "${report.endQuant.raw}" can match the same characters ("${report.character.pick}"), so a non-matching text makes the engine try every way to split them (${how} time)`,
      };
    }
    if (report.type === 'Self') {
      return {
        part: report.quant.raw,
        reason: `"${report.quant.raw}" is repeated by "${report.parentQuant.raw}", so a run of "${report.character.pick}" can be split between the passes in every possible way (${how} time)`,
      };
    }
  }
  return ambiguousRepetition(analysis.parsed, refa);
}

type Refa = typeof import('refa');
type ParsedLiteral = import('scslre').ParsedLiteral;
type AstNode = ParsedLiteral['pattern'] | ParsedLiteral['pattern']['alternatives'][number]['elements'][number];
type Quantifier = Extract<AstNode, { type: 'Quantifier' }>;
type Alternation = Extract<AstNode, { type: 'Group' | 'CapturingGroup' }>;

/** A repetition whose body can match one text in two ways (see the module comment), or null. */
function ambiguousRepetition(parsed: ParsedLiteral, refa: Refa): RegexHazard | null {
  const { JS, NFA, isDisjointWith } = refa;
  const parser = JS.Parser.fromAst(parsed);
  const automatonOf = (element: Parameters<typeof parser.parseElement>[0]) => {
    const { expression, maxCharacter } = parser.parseElement(element, { backreferences: 'disable', assertions: 'disable', maxNodes: MAX_NODES });
    return NFA.fromRegex(expression, { maxCharacter }, {}, new NFA.LimitedNodeFactory(MAX_NODES));
  };
  let hazard: RegexHazard | null = null;
  const check = (quantifier: Quantifier): void => {
    if (hazard || quantifier.max < MANY_PASSES) return;
    try {
      for (const group of alternationsIn(quantifier.element)) {
        const automata = group.alternatives.map(automatonOf);
        for (let i = 0; i < automata.length && !hazard; i++) {
          for (let j = i + 1; j < automata.length && !hazard; j++) {
            if (!automata[i]!.isEmpty && !isDisjointWith(automata[i]!, automata[j]!, MAX_NODES)) {
              hazard = {
                part: quantifier.raw,
                reason: `the alternatives "${group.alternatives[i]!.raw}" and "${group.alternatives[j]!.raw}" can match the same text, and "${quantifier.raw}" repeats the choice, so the ways to try double with each pass (exponential time)`,
              };
            }
          }
        }
      }
      if (hazard) return;
      const once = automatonOf(quantifier.element);
      if (once.isEmpty) return;
      const twice = once.copy(new NFA.LimitedNodeFactory(MAX_NODES));
      twice.append(once);
      if (!isDisjointWith(once, twice, MAX_NODES)) {
        hazard = {
          part: quantifier.raw,
          reason: `one pass of "${quantifier.element.raw}" can also be read as two, so "${quantifier.raw}" can split a text into passes in exponentially many ways (exponential time)`,
        };
      }
    } catch {
      // Too large to analyse (or a construct refa does not model): say nothing rather than guess.
    }
  };
  for (const quantifier of quantifiersIn(parsed.pattern)) check(quantifier);
  return hazard;
}

/** The nodes below `root` that consume text, lookarounds excluded (what they match is not repeated text). */
function* consumingNodes(root: AstNode): Generator<AstNode> {
  const pending: AstNode[] = [root];
  while (pending.length > 0) {
    const node = pending.pop()!;
    yield node;
    if (node.type === 'Pattern' || node.type === 'Group' || node.type === 'CapturingGroup') {
      for (const alternative of node.alternatives) pending.push(...alternative.elements);
    } else if (node.type === 'Quantifier') pending.push(node.element);
  }
}

function quantifiersIn(root: AstNode): Quantifier[] {
  return [...consumingNodes(root)].filter((node): node is Quantifier => node.type === 'Quantifier');
}

/** Groups with two or more alternatives inside an element. */
function alternationsIn(element: AstNode): Alternation[] {
  return [...consumingNodes(element)].filter((node): node is Alternation => (node.type === 'Group' || node.type === 'CapturingGroup') && node.alternatives.length > 1);
}

/** The message of a rejected pattern, as configuration errors show it. */
export function describeHazard(source: string, hazard: RegexHazard): string {
  return `pattern ${JSON.stringify(source)} can backtrack catastrophically (a lint run could hang on one line): ${hazard.reason}; rewrite it so that no text can be matched in two ways (e.g. "(a+)+" -> "a+")`;
}
