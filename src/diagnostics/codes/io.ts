import { defineCode } from '../diagnostic.js';

export const ioCodes = {
  fileNotFound: defineCode<{ path: string }>({
    code: 'TOPO0001',
    severity: 'error',
    title: 'file not found',
    message: ({ path }) => `cannot read ${path}: no such file`,
    help: () => 'check the path; it is relative to the current directory',
  }),
  isDirectory: defineCode<{ path: string }>({
    code: 'TOPO0002',
    severity: 'error',
    title: 'path is a directory',
    message: ({ path }) => `cannot read ${path}: it is a directory`,
    help: ({ path }) => `name the .topo files inside it, e.g. ${path.replace(/\/$/, '')}/*.topo`,
  }),
  unreadable: defineCode<{ path: string; reason: string }>({
    code: 'TOPO0003',
    severity: 'error',
    title: 'file cannot be read',
    message: ({ path, reason }) => `cannot read ${path}: ${reason}`,
  }),
  invalidUtf8: defineCode<{ path: string; byte: number }>({
    code: 'TOPO0004',
    severity: 'error',
    title: 'file is not valid UTF-8',
    message: ({ path, byte }) => `${path} is not valid UTF-8 (invalid byte sequence at byte ${byte})`,
    help: () => 'save the file as UTF-8',
  }),
  binaryFile: defineCode<{ path: string }>({
    code: 'TOPO0005',
    severity: 'error',
    title: 'file is binary',
    message: ({ path }) => `${path} looks like a binary file (it contains NUL bytes), not a .topo source`,
  }),
} as const;
