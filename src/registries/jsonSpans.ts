// A JSON text read with where each value stands in it: FtM's JSON lines are imported byte for
// byte, so every name and tie is quoted as the raw characters of the line (escapes and all), which
// JSON.parse cannot tell. Only for text JSON.parse has accepted already: it checks nothing itself.
import type { QuoteSpan } from '../domain/quotes.ts';

export type JsonNode =
  | (QuoteSpan & { type: 'string'; value: string; raw: QuoteSpan })
  | (QuoteSpan & { type: 'array'; items: JsonNode[] })
  | (QuoteSpan & { type: 'object'; members: Map<string, JsonMember> })
  | (QuoteSpan & { type: 'other'; value: unknown });

/** A member of an object: its value, and its span from the key's opening quote to the value's end (`"name":["x"]`). */
export interface JsonMember extends QuoteSpan {
  value: JsonNode;
}

/**
 * The value of `text` (valid JSON) from `offset`, spans counted from the start of `text`. A
 * string's span includes its quotes, its `raw` span is what stands between them. A key given
 * twice keeps its last value, as JSON.parse does.
 */
export function readJsonSpans(text: string, offset = 0): JsonNode {
  let at = offset;
  const skip = () => {
    while (at < text.length && ' \t\r\n'.includes(text[at]!)) at += 1;
  };
  const string = (): JsonNode & { type: 'string' } => {
    const start = at;
    at += 1;
    while (text[at] !== '"') at += text[at] === '\\' ? 2 : 1;
    at += 1;
    return { type: 'string', start, end: at, raw: { start: start + 1, end: at - 1 }, value: JSON.parse(text.slice(start, at)) as string };
  };
  const value = (): JsonNode => {
    skip();
    const start = at;
    const char = text[at];
    if (char === '"') return string();
    if (char === '[') {
      const items: JsonNode[] = [];
      at += 1;
      skip();
      while (text[at] !== ']') {
        items.push(value());
        skip();
        if (text[at] === ',') at += 1;
        skip();
      }
      at += 1;
      return { type: 'array', start, end: at, items };
    }
    if (char === '{') {
      const members = new Map<string, JsonMember>();
      at += 1;
      skip();
      while (text[at] !== '}') {
        const key = string();
        skip();
        at += 1; // the colon
        const member = value();
        members.set(key.value, { start: key.start, end: member.end, value: member });
        skip();
        if (text[at] === ',') at += 1;
        skip();
      }
      at += 1;
      return { type: 'object', start, end: at, members };
    }
    // A number, true, false or null: up to the next delimiter.
    while (at < text.length && !',]} \t\r\n'.includes(text[at]!)) at += 1;
    return { type: 'other', start, end: at, value: JSON.parse(text.slice(start, at)) as unknown };
  };
  return value();
}
