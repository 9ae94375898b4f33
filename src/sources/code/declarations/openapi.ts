/**
 * OpenAPI (3.x, Swagger 2) and JSON Schema documents, YAML or JSON: the properties of
 * components.schemas / definitions / $defs, of inline request bodies and of the root schema,
 * nested objects and array items included. `format: email|password|ipv4...` is a hint;
 * `$ref` properties point at another schema and are reported there.
 */
import { parseDocument, isMap, isScalar, isSeq, type YAMLMap, type Node as YamlNode } from 'yaml';
import { LineIndex } from './line-index.js';
import type { CategoryHint, DeclaredField, ExtractResult, FrameworkId } from './types.js';

const MAX_DEPTH = 24;
const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

const FORMAT_HINTS: Record<string, CategoryHint> = {
  email: { category: 'digital-account', confidence: 'high', reason: 'format: email' },
  'idn-email': { category: 'digital-account', confidence: 'high', reason: 'format: idn-email' },
  password: { category: 'credentials', confidence: 'high', reason: 'format: password' },
  ipv4: { category: 'online-activity', confidence: 'low', reason: 'format: ipv4' },
  ipv6: { category: 'online-activity', confidence: 'low', reason: 'format: ipv6' },
};

function get(map: unknown, key: string): unknown {
  return isMap(map) ? (map as YAMLMap).get(key, true) : undefined;
}

function scalarValue(node: unknown): unknown {
  return isScalar(node) ? node.value : undefined;
}

export type ApiDocKind = 'openapi' | 'json-schema';

/** Cheap check on the first bytes: is this an OpenAPI or JSON Schema document? */
export function sniffApiDoc(path: string, text: string): ApiDocKind | undefined {
  const base = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  const head = text.slice(0, 4000);
  if (/^\s*["']?(openapi|swagger)["']?\s*:/m.test(head)) return 'openapi';
  if (base.endsWith('.schema.json') || (head.includes('$schema') && head.includes('json-schema.org'))) return 'json-schema';
  return undefined;
}

export function extractApiDoc(path: string, text: string, kind: ApiDocKind): ExtractResult {
  const doc = parseDocument(text, { uniqueKeys: false, prettyErrors: false });
  if (doc.errors.length > 0) return { fields: [], problem: `invalid ${kind === 'openapi' ? 'OpenAPI' : 'JSON Schema'} document: ${doc.errors[0]!.message.split('\n')[0]}` };
  const lines = new LineIndex(text);
  const framework: FrameworkId = kind;
  const fields: DeclaredField[] = [];
  const root = doc.contents;

  const walk = (schema: unknown, model: string, prefix: string, depth: number, owner?: string): void => {
    if (!isMap(schema) || depth > MAX_DEPTH) return;
    const props = get(schema, 'properties');
    if (isMap(props)) {
      for (const pair of props.items) {
        const keyNode = pair.key as YamlNode;
        const name = String(scalarValue(keyNode) ?? '');
        if (!name) continue;
        const value = pair.value;
        const field = prefix ? `${prefix}.${name}` : name;
        const isRef = get(value, '$ref') !== undefined;
        const type = scalarValue(get(value, 'type'));
        const format = scalarValue(get(value, 'format'));
        const hint = typeof format === 'string' ? FORMAT_HINTS[format] : undefined;
        const pos = lines.at(keyNode.range?.[0] ?? 0);
        const nested = isMap(get(value, 'properties')) || isMap(get(get(value, 'items'), 'properties'));
        fields.push({
          model,
          ...(owner ? { owner } : {}),
          field,
          framework,
          // An API document describes what the API receives and returns, not what is stored.
          input: true,
          ...(typeof type === 'string' ? { type: typeof format === 'string' ? `${type}/${format}` : type } : {}),
          line: pos.line,
          column: pos.column,
          ...(hint ? { hints: [hint] } : {}),
          // An object with its own properties is reported through them; a $ref elsewhere.
          ...(isRef || nested ? { skip: true } : {}),
        });
        walk(value, model, field, depth + 1, owner);
        walk(get(value, 'items'), model, field, depth + 1, owner);
      }
    }
    for (const combo of ['allOf', 'oneOf', 'anyOf']) {
      const list = get(schema, combo);
      if (isSeq(list)) for (const s of list.items) walk(s, model, prefix, depth + 1, owner);
    }
  };

  const walkNamed = (container: unknown) => {
    if (!isMap(container)) return;
    for (const pair of container.items) {
      const name = scalarValue(pair.key);
      if (typeof name === 'string') walk(pair.value, name, '', 0);
    }
  };

  if (kind === 'openapi') {
    walkNamed(get(get(root, 'components'), 'schemas'));
    walkNamed(get(root, 'definitions'));
    const paths = get(root, 'paths');
    if (isMap(paths)) {
      for (const p of paths.items) {
        const route = String(scalarValue(p.key) ?? '');
        if (!isMap(p.value)) continue;
        for (const op of p.value.items) {
          const method = String(scalarValue(op.key) ?? '').toLowerCase();
          if (!METHODS.has(method)) continue;
          const model = `${method.toUpperCase()} ${route}`;
          const content = get(get(op.value, 'requestBody'), 'content');
          if (isMap(content)) for (const media of content.items) walk(get(media.value, 'schema'), model, '', 0, route);
          const params = get(op.value, 'parameters');
          if (isSeq(params)) {
            for (const param of params.items) {
              const nameNode = get(param, 'name') as YamlNode | undefined;
              const name = scalarValue(nameNode);
              if (typeof name !== 'string') continue;
              const where = String(scalarValue(get(param, 'in')) ?? '');
              if (where === 'body') {
                walk(get(param, 'schema'), model, '', 0, route);
                continue;
              }
              const pos = lines.at(nameNode?.range?.[0] ?? 0);
              fields.push({ model, owner: route, field: name, framework, input: true, type: `${where} parameter`, line: pos.line, column: pos.column });
            }
          }
        }
      }
    }
  } else {
    const title = scalarValue(get(root, 'title'));
    const base = path.slice(path.lastIndexOf('/') + 1).replace(/(\.schema)?\.(json|ya?ml)$/i, '');
    walk(root, typeof title === 'string' && title ? title : base, '', 0);
    walkNamed(get(root, 'definitions'));
    walkNamed(get(root, '$defs'));
  }
  return { fields };
}
