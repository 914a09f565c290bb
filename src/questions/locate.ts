import { type Document, isMap, isPair, isScalar, isSeq, type LineCounter, type Node } from "yaml";

export interface Position {
  line: number;
  column: number;
}

/**
 * Where a field stands in a YAML document: the value's position when it is there, otherwise its key's,
 * otherwise the nearest enclosing node's — so every problem can be reported as file:line:column.
 */
export function locate(doc: Document, lineCounter: LineCounter, path: readonly PropertyKey[]): Position {
  let node: unknown = doc.contents;
  let offset = rangeStart(node) ?? 0;
  for (const segment of path) {
    const next = child(node, segment);
    if (!next) break;
    offset = rangeStart(next.key) ?? rangeStart(next.value) ?? offset;
    if (next.value !== undefined && next.value !== null) offset = rangeStart(next.value) ?? offset;
    node = next.value;
  }
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

/** The position of a key itself (for an unknown field, point at its name). */
export function locateKey(
  doc: Document,
  lineCounter: LineCounter,
  path: readonly PropertyKey[],
  key: string,
): Position {
  const parent = path.reduce<unknown>((node, segment) => child(node, segment)?.value, doc.contents);
  const found = child(parent, key);
  const offset = rangeStart(found?.key) ?? rangeStart(parent) ?? 0;
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

function child(node: unknown, segment: PropertyKey): { key?: unknown; value: unknown } | undefined {
  if (isMap(node)) {
    const pair = node.items.find(
      (item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment),
    );
    return pair ? { key: pair.key, value: pair.value } : undefined;
  }
  if (isSeq(node) && typeof segment === "number") {
    const item = node.items[segment];
    return item === undefined ? undefined : { value: item };
  }
  return undefined;
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as Node | undefined)?.range;
  return range ? range[0] : undefined;
}
