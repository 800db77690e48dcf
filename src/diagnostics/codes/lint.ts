import { defineCode } from '../diagnostic.js';

export const lintCodes = {
  unusedDeclaration: defineCode<{ kind: string; name: string }>({
    code: 'TOPO2901',
    severity: 'warning',
    title: 'declaration that nothing uses',
    message: ({ kind, name }) => `${kind} \`${name}\` is never connected, placed on, or referenced`,
    help: () => 'link it, refer to it, or remove it',
  }),
  unusedKind: defineCode<{ name: string }>({
    code: 'TOPO2902',
    severity: 'warning',
    title: 'kind that nothing declares',
    message: ({ name }) => `kind \`${name}\` is never used`,
    help: () => 'declare something of this kind, or remove it',
  }),
} as const;
