import { defineCode } from '../diagnostic.js';

// Codes for this area are added here; src/diagnostics/codes/index.ts lists every area.
export const topologyCodes = {
} as const;

void defineCode;
