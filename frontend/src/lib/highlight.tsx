// Search highlights arrive as text with <mark>…</mark> around matched words; the server
// HTML-escapes everything else. We still never use innerHTML: the snippet is parsed into text
// and <mark> elements only; any other tag is shown as the literal text it is, and entities
// are decoded to text (React escapes them again when rendering).
import type { ReactNode } from "react";

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", "#39": "'", "#x27": "'" };

function decode(s: string): string {
  return s.replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (m, name: string) => {
    const lower = name.toLowerCase();
    if (lower in ENTITIES) return ENTITIES[lower];
    if (lower.startsWith("#x")) return String.fromCodePoint(Number.parseInt(lower.slice(2), 16));
    if (lower.startsWith("#")) return String.fromCodePoint(Number.parseInt(lower.slice(1), 10));
    return m;
  });
}

/** Splits a snippet into plain and marked segments. Unbalanced or nested marks are text. */
export function parseHighlight(snippet: string): { text: string; mark: boolean }[] {
  const out: { text: string; mark: boolean }[] = [];
  const re = /<mark>([\s\S]*?)<\/mark>/g;
  let last = 0;
  for (let m = re.exec(snippet); m; m = re.exec(snippet)) {
    if (m.index > last) out.push({ text: decode(snippet.slice(last, m.index)), mark: false });
    out.push({ text: decode(m[1]), mark: true });
    last = re.lastIndex;
  }
  if (last < snippet.length) out.push({ text: decode(snippet.slice(last)), mark: false });
  return out.filter((s) => s.text !== "");
}

export function Highlight(props: { snippet: string }): ReactNode {
  return parseHighlight(props.snippet).map((s, i) => (s.mark ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>));
}
