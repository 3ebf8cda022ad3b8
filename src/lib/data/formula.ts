/**
 * The formula language of derived.csv and arithmetic.csv, parsed once into a tree.
 *
 *   formula := sum
 *   sum     := product (('+' | '-') product)*
 *   product := unary (('*' | '/') unary)*
 *   unary   := '-' unary | power             so -{a} ^ 2 is -({a} ^ 2), as in mathematics
 *   power   := atom ('^' unary)?             right-associative: 2 ^ 3 ^ 2 is 2 ^ 9
 *   atom    := number | '{' id '}' | '(' sum ')'
 *
 * Everything that reads a formula (the check, the dataset, the explorer, the reconciliation
 * page) goes through this module, so a formula means the same thing everywhere, and a
 * formula that is not in the language is refused with the position of the fault instead of
 * being half-understood by a regular expression.
 */

export type FormulaNode =
  | { kind: 'number'; value: number; text: string }
  | { kind: 'ref'; id: string; start: number; end: number }
  | { kind: 'neg'; arg: FormulaNode }
  | { kind: 'binary'; op: '+' | '-' | '*' | '/' | '^'; left: FormulaNode; right: FormulaNode };

export interface Formula {
  /** the formula as written */
  text: string;
  root: FormulaNode;
  /** the ids it refers to, each once, in order of first appearance */
  refs: string[];
}

export class FormulaError extends Error {}

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*/u;
const NUMBER = /^\d+(?:\.\d+)?/u;
const MAX_DEPTH = 100;
/**
 * At most this many operations (+ - * / ^ and unary minus). Every reader of the tree (the
 * evaluators, the precision rule, rendering) walks it recursively, so its depth must be
 * bounded: a flat sum {a} + 0 + 0 … of thousands of terms is a tree thousands deep. No formula
 * of the data needs more than a handful.
 */
export const MAX_OPERATIONS = 200;

/** Parses a formula; throws FormulaError saying what is wrong and where (1-based character). */
export function parseFormula(text: string): Formula {
  let pos = 0;
  const refs: string[] = [];
  const fail = (what: string): never => {
    const at = pos < text.length ? `at character ${pos + 1} ("${text.slice(pos, pos + 10)}")` : 'at the end';
    throw new FormulaError(`formula ${what} ${at}: write numbers, figure ids in braces such as {a}, + - * / ^ and parentheses`);
  };
  const skip = () => {
    while (pos < text.length && (text[pos] === ' ' || text[pos] === '\t')) pos++;
  };
  const peek = (): string | undefined => {
    skip();
    return text[pos];
  };

  let depth = 0;
  let operations = 0;
  const operation = () => {
    if (++operations > MAX_OPERATIONS) fail(`has more than ${MAX_OPERATIONS} operations`);
  };
  const atom = (): FormulaNode => {
    const c = peek();
    if (c === '(') {
      // a bound on nesting keeps a hostile formula from exhausting the stack
      if (++depth > MAX_DEPTH) fail(`nests parentheses deeper than ${MAX_DEPTH}`);
      pos++;
      const inner = sum();
      depth--;
      if (peek() !== ')') fail('has an unclosed "("');
      pos++;
      return inner;
    }
    if (c === '{') {
      const start = pos;
      pos++;
      const m = ID.exec(text.slice(pos));
      if (!m) fail('has "{" not followed by an id (lower-case letters, digits, single hyphens)');
      pos += (m as RegExpExecArray)[0].length;
      if (text[pos] !== '}') fail('has an id not closed by "}"');
      pos++;
      const id = (m as RegExpExecArray)[0];
      if (!refs.includes(id)) refs.push(id);
      return { kind: 'ref', id, start, end: pos };
    }
    const m = NUMBER.exec(text.slice(pos));
    if (m) {
      pos += m[0].length;
      return { kind: 'number', value: Number(m[0]), text: m[0] };
    }
    return fail(c === undefined ? 'ends where a number, {id} or "(" is needed' : 'has an unexpected character');
  };
  const unary = (): FormulaNode => {
    if (peek() === '-') {
      if (++depth > MAX_DEPTH) fail(`repeats "-" more than ${MAX_DEPTH} times`);
      operation();
      pos++;
      const arg = unary();
      depth--;
      return { kind: 'neg', arg };
    }
    return power();
  };
  const power = (): FormulaNode => {
    const base = atom();
    if (peek() === '^') {
      if (++depth > MAX_DEPTH) fail(`chains "^" more than ${MAX_DEPTH} times`);
      operation();
      pos++;
      const exponent = unary();
      depth--;
      return { kind: 'binary', op: '^', left: base, right: exponent };
    }
    return base;
  };
  const product = (): FormulaNode => {
    let left = unary();
    for (let c = peek(); c === '*' || c === '/'; c = peek()) {
      operation();
      pos++;
      left = { kind: 'binary', op: c, left, right: unary() };
    }
    return left;
  };
  const sum = (): FormulaNode => {
    let left = product();
    for (let c = peek(); c === '+' || c === '-'; c = peek()) {
      operation();
      pos++;
      left = { kind: 'binary', op: c, left, right: product() };
    }
    return left;
  };

  if (text.trim() === '') throw new FormulaError('formula is empty: write ids in braces, e.g. {a} / {b} * 100');
  const root = sum();
  if (peek() !== undefined) fail('has something after a complete expression');
  if (refs.length === 0) throw new FormulaError('formula refers to no figure: write ids in braces, e.g. {a} / {b} * 100');
  return { text, root, refs };
}

/** The ids a formula refers to, each once; [] for a formula that does not parse (the check reports it). */
export function refsOf(text: string): string[] {
  try {
    return parseFormula(text).refs;
  } catch {
    return [];
  }
}

/** Evaluates at the given values; throws FormulaError on division by zero or a result that is not a finite number. */
export function evaluateFormula(f: Formula, valueOf: (id: string) => number): number {
  const ev = (n: FormulaNode): number => {
    switch (n.kind) {
      case 'number':
        return n.value;
      case 'ref':
        return valueOf(n.id);
      case 'neg':
        return -ev(n.arg);
      case 'binary': {
        const a = ev(n.left);
        const b = ev(n.right);
        if (n.op === '/' && b === 0) throw new FormulaError(`formula divides by zero (${render(n.right)} is 0)`);
        const out = n.op === '+' ? a + b : n.op === '-' ? a - b : n.op === '*' ? a * b : n.op === '/' ? a / b : a ** b;
        if (!Number.isFinite(out)) throw new FormulaError(`formula does not give a finite number at ${render(n)}`);
        return out;
      }
    }
  };
  return ev(f.root);
}

export interface Interval {
  low: number;
  high: number;
}

/**
 * Evaluates with every input as an interval (its rounding interval, say): one pass over the
 * tree, so the cost grows with the length of the formula, not with 2^inputs as trying every
 * rounding corner did. Each operation takes the extreme corners of its two operands, which is
 * exact when every input occurs once (all of arithmetic.csv); an input that occurs twice is
 * treated as two independent ones, which can only widen the interval (never report a false
 * discrepancy). Throws FormulaError when a divisor's interval contains zero: the quotient
 * is then unbounded, and the published figures cannot say anything about it.
 */
export function evaluateInterval(f: Formula, intervalOf: (id: string) => Interval): Interval {
  const ev = (n: FormulaNode): Interval => {
    switch (n.kind) {
      case 'number':
        return { low: n.value, high: n.value };
      case 'ref':
        return intervalOf(n.id);
      case 'neg': {
        const a = ev(n.arg);
        return { low: -a.high, high: -a.low };
      }
      case 'binary': {
        const a = ev(n.left);
        const b = ev(n.right);
        if (n.op === '+') return { low: a.low + b.low, high: a.high + b.high };
        if (n.op === '-') return { low: a.low - b.high, high: a.high - b.low };
        if (n.op === '/' && b.low <= 0 && b.high >= 0) {
          throw new FormulaError(`formula divides by ${render(n.right)}, which can be zero within the rounding of its inputs (${round6(b.low)}…${round6(b.high)})`);
        }
        if (n.op === '^' && a.low < 0 && !(b.low === b.high && Number.isInteger(b.low))) {
          throw new FormulaError(`formula raises ${render(n.left)}, which can be negative, to a power that is not a whole number`);
        }
        // * and / are monotone in each operand on each side of zero, and so is ^ on a
        // non-negative base, so the extremes lie at the corners
        const op = n.op === '*' ? (x: number, y: number) => x * y : n.op === '/' ? (x: number, y: number) => x / y : (x: number, y: number) => x ** y;
        const corners = [op(a.low, b.low), op(a.low, b.high), op(a.high, b.low), op(a.high, b.high)];
        if (n.op === '^' && a.low < 0 && a.high > 0) corners.push(0); // an even power of an interval across zero reaches 0
        if (corners.some((c) => !Number.isFinite(c))) throw new FormulaError(`formula does not give a finite number at ${render(n)}`);
        return { low: Math.min(...corners), high: Math.max(...corners) };
      }
    }
  };
  return ev(f.root);
}

/** The formula with each {id} replaced by what show() returns for it; the rest exactly as written. */
export function renderFormula(f: Formula, show: (id: string) => string): string {
  return formulaParts(f)
    .map((p) => (p.ref === undefined ? p.text : show(p.ref)))
    .join('');
}

/** The formula cut at its references: text as written between them, one part per {id}. */
export function formulaParts(f: Formula): { text: string; ref?: string }[] {
  const parts: { text: string; ref?: string }[] = [];
  let at = 0;
  const visit = (n: FormulaNode): void => {
    if (n.kind === 'ref') {
      if (n.start > at) parts.push({ text: f.text.slice(at, n.start) });
      parts.push({ text: f.text.slice(n.start, n.end), ref: n.id });
      at = n.end;
    } else if (n.kind === 'neg') visit(n.arg);
    else if (n.kind === 'binary') {
      visit(n.left);
      visit(n.right);
    }
  };
  visit(f.root);
  if (at < f.text.length) parts.push({ text: f.text.slice(at) });
  return parts;
}

/** Canonical text of a subtree, for messages. */
function render(n: FormulaNode): string {
  switch (n.kind) {
    case 'number':
      return n.text;
    case 'ref':
      return `{${n.id}}`;
    case 'neg':
      return `-${render(n.arg)}`;
    case 'binary':
      return n.left.kind === 'binary' || n.right.kind === 'binary' ? `(${render(n.left)} ${n.op} ${render(n.right)})` : `${render(n.left)} ${n.op} ${render(n.right)}`;
  }
}

/**
 * Finds the cycles among formulas (a derived figure that needs itself, directly or through
 * others), each as the path a → b → a. deps maps each derived id to the ids its formula uses.
 */
export function findCycles(deps: ReadonlyMap<string, readonly string[]>): string[][] {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  // iterative depth-first search: a long chain of derived figures must not exhaust the stack
  for (const startId of deps.keys()) {
    if (state.has(startId)) continue;
    const iters: { id: string; next: number }[] = [{ id: startId, next: 0 }];
    state.set(startId, 'open');
    stack.push(startId);
    while (iters.length > 0) {
      const top = iters[iters.length - 1] as { id: string; next: number };
      const children = deps.get(top.id) ?? [];
      if (top.next >= children.length) {
        iters.pop();
        stack.pop();
        state.set(top.id, 'done');
        continue;
      }
      const child = children[top.next++] as string;
      if (!deps.has(child)) continue; // a published figure ends the chain
      const s = state.get(child);
      if (s === 'open') cycles.push([...stack.slice(stack.indexOf(child)), child]);
      else if (s === undefined) {
        state.set(child, 'open');
        stack.push(child);
        iters.push({ id: child, next: 0 });
      }
    }
  }
  return cycles;
}

function round6(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
