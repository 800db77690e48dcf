import type { CodeDef } from '../diagnostic.js';
import { ioCodes } from './io.js';
import { syntaxCodes } from './syntax.js';
import { literalCodes } from './literal.js';
import { resolveCodes } from './resolve.js';
import { addressCodes } from './address.js';
import { topologyCodes } from './topology.js';
import { servicesCodes } from './services.js';
import { mobileCodes } from './mobile.js';
import { cloudCodes } from './cloud.js';
import { flowCodes } from './flow.js';
import { lintCodes } from './lint.js';
import { routingCodes } from './routing.js';
import { dataplaneCodes } from './dataplane.js';
import { modelCodes } from './model.js';
import { assertCodes } from './assert.js';

export { ioCodes, syntaxCodes, literalCodes, resolveCodes, addressCodes, topologyCodes, servicesCodes, mobileCodes, cloudCodes, flowCodes, lintCodes, modelCodes, routingCodes, dataplaneCodes };

/**
 * Every registered code, in code order. Ranges: TOPO0xxx input/output, TOPO10xx lexing, TOPO11xx literals,
 * TOPO12xx syntax, TOPO20xx names/imports/kinds/properties, TOPO21xx addressing, TOPO22xx topology,
 * TOPO23xx services, TOPO24xx mobile core, TOPO25xx cloud, TOPO26xx flows, TOPO29xx lints (warnings),
 * TOPO3xxx control plane, TOPO4xxx data plane, TOPO5xxx assertions, TOPO6xxx outputs.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const allCodes: CodeDef<any>[] = [
  ioCodes, syntaxCodes, literalCodes, resolveCodes, addressCodes, topologyCodes,
  servicesCodes, mobileCodes, cloudCodes, flowCodes, lintCodes, modelCodes, routingCodes, dataplaneCodes, assertCodes,
]
  .flatMap((group) => Object.values(group) as CodeDef<unknown>[])
  .sort((a, b) => (a.code < b.code ? -1 : 1));
