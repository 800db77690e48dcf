import { coldCheck } from './cold-check.js';
import { control } from './control.js';
import { dataplane } from './dataplane.js';
import { diagram } from './diagram.js';
import { frontend } from './frontend.js';
import { memory } from './memory.js';
import type { Section } from './section.js';
import { sim } from './sim.js';

/** Every benchmark section, in the order `npm run bench` runs them. Later issues append theirs here. */
export const sections: Section[] = [frontend, coldCheck, memory, control, diagram, dataplane, sim];
