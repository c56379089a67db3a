/**
 * The value at a dotted path in a parsed JSON object: `log.message` reads
 * `{"log": {"message": ...}}`. A key that itself holds dots
 * (`{"service.name": ...}`, as OpenTelemetry flattens attributes) is found
 * whole first, then each split from the left.
 */
export function valueAt(value: unknown, path: string): unknown {
  if (typeof value !== 'object' || value === null) return undefined;
  const object = value as Record<string, unknown>;
  if (Object.hasOwn(object, path)) return object[path];
  for (let dot = path.indexOf('.'); dot > 0; dot = path.indexOf('.', dot + 1)) {
    const head = path.slice(0, dot);
    if (!Object.hasOwn(object, head)) continue;
    const found = valueAt(object[head], path.slice(dot + 1));
    if (found !== undefined) return found;
  }
  return undefined;
}
