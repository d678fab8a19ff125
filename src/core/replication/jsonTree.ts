/**
 * A strict JSON parser that keeps where every value is (offset and length), for diagnostics and
 * CodeLenses on `replication.json`. On a syntax error it records the error and returns the tree
 * parsed so far, so a file being typed still shows what it can. Our own rather than jsonc-parser:
 * that package's CommonJS build loads its modules through a UMD wrapper esbuild cannot bundle.
 */

export type JsonNodeType = 'object' | 'array' | 'property' | 'string' | 'number' | 'boolean' | 'null';

export interface JsonNode {
  type: JsonNodeType;
  offset: number;
  length: number;
  /** Scalars: the value. Properties: none (children[0] is the key, children[1] the value). */
  value?: string | number | boolean | null;
  children?: JsonNode[];
}

export interface JsonSyntaxError {
  message: string;
  offset: number;
  length: number;
}

class Stop extends Error {}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

export function parseJsonTree(text: string): { root: JsonNode | undefined; errors: JsonSyntaxError[] } {
  const errors: JsonSyntaxError[] = [];
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;

  const fail = (message: string, at = pos, length = 1): never => {
    errors.push({ message, offset: at, length: Math.max(0, Math.min(length, text.length - at)) });
    throw new Stop();
  };
  const skip = () => {
    while (pos < text.length && (text[pos] === ' ' || text[pos] === '\t' || text[pos] === '\n' || text[pos] === '\r')) pos++;
  };
  const found = () => (pos >= text.length ? 'the end of the file' : `"${text[pos]}"`);

  /**
   * Parses one value and hands it to `attach` as soon as it exists (containers before their
   * children), so whatever was built before a syntax error is already in the tree.
   */
  function value(attach: (n: JsonNode) => void): void {
    skip();
    const start = pos;
    const c = text[pos];
    if (c === '{' || c === '[') return container(c === '{' ? 'object' : 'array', attach);
    if (c === '"') {
      const v = string();
      return attach({ type: 'string', offset: start, length: pos - start, value: v });
    }
    for (const [word, v] of [['true', true], ['false', false], ['null', null]] as const) {
      if (text.startsWith(word, pos)) {
        pos += word.length;
        return attach({ type: v === null ? 'null' : 'boolean', offset: start, length: word.length, value: v });
      }
    }
    NUMBER.lastIndex = pos;
    const m = NUMBER.exec(text);
    if (m) {
      pos += m[0].length;
      return attach({ type: 'number', offset: start, length: m[0].length, value: Number(m[0]) });
    }
    fail(`a value was expected, found ${found()}`);
  }

  function string(): string {
    const start = pos;
    pos++;
    let out = '';
    for (;;) {
      if (pos >= text.length) fail('unterminated string', start, pos - start);
      const c = text[pos];
      if (c === '"') {
        pos++;
        return out;
      }
      if (c === '\\') {
        const e = text[pos + 1];
        if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(pos + 2, pos + 6))) {
          out += String.fromCharCode(parseInt(text.slice(pos + 2, pos + 6), 16));
          pos += 6;
        } else if (e !== undefined && ESCAPES[e] !== undefined) {
          out += ESCAPES[e];
          pos += 2;
        } else fail('invalid escape in string', pos, 2);
        continue;
      }
      if (c < ' ') fail('control character in string (write \\n, \\t...)');
      out += c;
      pos++;
    }
  }

  function container(type: 'object' | 'array', attach: (n: JsonNode) => void): void {
    const node: JsonNode = { type, offset: pos, length: 1, children: [] };
    attach(node);
    const close = type === 'object' ? '}' : ']';
    pos++;
    try {
      skip();
      if (text[pos] === close) {
        pos++;
        return;
      }
      for (;;) {
        if (type === 'object') property(node);
        else value((n) => node.children!.push(n));
        skip();
        if (text[pos] === ',') {
          pos++;
          skip();
          if (text[pos] === close) fail(`trailing comma before "${close}"`, pos - 1);
          continue;
        }
        if (text[pos] === close) {
          pos++;
          return;
        }
        fail(`"," or "${close}" expected, found ${found()}`);
      }
    } finally {
      node.length = pos - node.offset;
    }
  }

  function property(obj: JsonNode): void {
    skip();
    if (text[pos] !== '"') fail(`a property name in double quotes was expected, found ${found()}`);
    const start = pos;
    const name = string();
    const prop: JsonNode = { type: 'property', offset: start, length: pos - start, children: [{ type: 'string', offset: start, length: pos - start, value: name }] };
    obj.children!.push(prop);
    try {
      skip();
      if (text[pos] !== ':') fail(`":" expected after "${name}"`);
      pos++;
      value((n) => prop.children!.push(n));
    } finally {
      prop.length = pos - start;
    }
  }

  let root: JsonNode | undefined;
  try {
    skip();
    if (pos >= text.length) fail('the file is empty', 0, 0);
    value((n) => (root = n));
    skip();
    if (pos < text.length) fail(`the end of the file was expected, found ${found()}`);
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
  }
  return { root, errors };
}
