import type { ApolloServerPlugin } from '@apollo/server';
import { type DocumentNode, GraphQLError, Kind, visit } from 'graphql';

const NUL = '\u0000';

/** The path of the first string (or object key) holding U+0000 inside a variable's value, e.g. `$f.goldLabel`. */
export function nulPath(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes(NUL) ? path : null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = nulPath(item, `${path}[${index}]`);
      if (found !== null) return found;
    }
    return null;
  }
  if (typeof value === 'object' && value !== null)
    for (const [key, item] of Object.entries(value)) {
      if (key.includes(NUL)) return `${path}.${JSON.stringify(key)}`;
      const found = nulPath(item, `${path}.${key}`);
      if (found !== null) return found;
    }
  return null;
}

/** Whether a string literal of the document holds U+0000 (written as \u0000 in the query text). */
function literalWithNul(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    [Kind.STRING](node) {
      if (node.value.includes(NUL)) found = true;
    },
  });
  return found;
}

const refusal = (where: string) =>
  new GraphQLError(`${where} holds a NUL character (U+0000), which no id, label or text here can contain.`, {
    extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
  });

/** Refuses U+0000 in any variable or string literal before a resolver (and Postgres, which rejects it) sees it. */
export function nulBytePlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          for (const [name, value] of Object.entries(request.variables ?? {})) {
            const path = nulPath(value, `$${name}`);
            if (path !== null) throw refusal(`Variable ${path}`);
          }
          if (literalWithNul(document)) throw refusal('A string in the query');
        },
      };
    },
  };
}
