import { isUtf8 } from 'node:buffer';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { parseFile } from '../../grammar/index.js';
import type { File, Import } from '../ast/types.js';
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import { SourceText, fileSpan } from '../diagnostics/span.js';
import { ioCodes, resolveCodes } from '../diagnostics/codes/index.js';
import { closest } from './suggest.js';
import { stdlibDir } from './package-root.js';

/** Where the compiler reads files from; tests substitute an in-memory host. */
export interface FileHost {
  /** Raw bytes of a file; throws NodeJS.ErrnoException (ENOENT, EISDIR, …) like fs.readFileSync. */
  readFile(path: string): Uint8Array;
}

export const fsHost: FileHost = { readFile: (path) => readFileSync(path) };

/** The standard library ships with the compiler: it is read from the package, whatever the host. */
const STD_PREFIX = 'std/';

export interface Loaded {
  /** Parsed files in load order (a file before the files it imports). */
  files: File[];
  /** Paths of standard-library files. */
  stdFiles: Set<string>;
  sources: Map<string, SourceText>;
  diagnostics: Diagnostic[];
}

interface Unit {
  file: File;
  /** Resolved import targets (display paths), parallel to file.imports; null when the import failed. */
  targets: (string | null)[];
}

/** Load the root files and, once each, everything they import; report I/O errors, bad imports and cycles. */
export function loadFiles(paths: readonly string[], host: FileHost = fsHost): Loaded {
  const out: Loaded = { files: [], stdFiles: new Set(), sources: new Map(), diagnostics: [] };
  const units = new Map<string, Unit | null>();
  let stdModules: string[] | undefined;

  const read = (path: string, std: boolean, importSpan?: Import): Unit | null => {
    if (units.has(path)) return units.get(path) ?? null;
    units.set(path, null);
    const text = readText(path, std ? stdHost(path) : host, out, importSpan);
    if (text === null) return null;
    const parsed = parseFile(path, text);
    out.diagnostics.push(...parsed.diagnostics);
    const unit: Unit = { file: parsed.file, targets: [] };
    units.set(path, unit);
    out.files.push(parsed.file);
    if (std) out.stdFiles.add(path);
    for (const imp of parsed.file.imports) unit.targets.push(follow(path, imp));
    return unit;
  };

  const follow = (importer: string, imp: Import): string | null => {
    if (imp.path.startsWith(STD_PREFIX)) {
      const name = imp.path.slice(STD_PREFIX.length);
      stdModules ??= listStdModules();
      if (!stdModules.includes(name)) {
        const suggestion = closest(name, stdModules);
        out.diagnostics.push(diag(resolveCodes.unknownStdModule, imp.pathSpan, { name, available: stdModules.join(', '), suggestion }));
        return null;
      }
      const path = `${STD_PREFIX}${name}.topo`;
      return read(path, true) ? path : null;
    }
    const path = normalize(join(dirname(importer), imp.path));
    return read(path, false, imp) ? path : null;
  };

  for (const p of paths) read(normalize(p), false);
  reportCycles(units, out.diagnostics);
  return out;
}

/** Maps a display path `std/NAME.topo` to the stdlib folder of the package. */
function stdHost(display: string): FileHost {
  return { readFile: () => readFileSync(join(stdlibDir(), display.slice(STD_PREFIX.length))) };
}

function listStdModules(): string[] {
  try {
    return readdirSync(stdlibDir()).filter((f) => f.endsWith('.topo')).map((f) => f.slice(0, -5)).sort();
  } catch {
    return [];
  }
}

/** Plain words for the errors a read may fail with (Node's messages repeat the path and the syscall). */
const ERRNO: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'the path is too long',
  ENOTDIR: 'a part of the path is not a directory',
  EMFILE: 'too many open files',
  EIO: 'input/output error',
};

/** Read and decode one file; on failure report at the import's path (if imported) or the file itself. */
function readText(path: string, host: FileHost, out: Loaded, imp?: Import): string | null {
  let bytes: Uint8Array;
  try {
    bytes = host.readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && imp) out.diagnostics.push(diag(resolveCodes.importNotFound, imp.pathSpan, { path: imp.path, resolved: path }));
    else if (code === 'ENOENT') out.diagnostics.push(diag(ioCodes.fileNotFound, fileSpan(path), { path }));
    else if (code === 'EISDIR') out.diagnostics.push(diag(ioCodes.isDirectory, imp?.pathSpan ?? fileSpan(path), { path }));
    else out.diagnostics.push(diag(ioCodes.unreadable, imp?.pathSpan ?? fileSpan(path), { path, reason: ERRNO[code ?? ''] ?? code ?? String(e) }));
    return null;
  }
  if (bytes.includes(0)) {
    out.diagnostics.push(diag(ioCodes.binaryFile, imp?.pathSpan ?? fileSpan(path), { path }));
    return null;
  }
  // isUtf8 (native) answers valid files, nearly all of them, at once; the offset is searched only when not.
  const bad = isUtf8(bytes) ? -1 : firstInvalidUtf8(bytes);
  if (bad >= 0) {
    // Decode leniently so that the renderer can show the offending line, and point at the bad byte.
    const text = stripBom(new TextDecoder('utf-8').decode(bytes));
    const src = new SourceText(path, text);
    out.sources.set(path, src);
    const offset = Math.min(text.length, stripBom(new TextDecoder('utf-8').decode(bytes.subarray(0, bad))).length);
    out.diagnostics.push(diag(ioCodes.invalidUtf8, src.span(offset, Math.min(offset + 1, text.length)), { path, byte: bad }));
    return null;
  }
  // TextDecoder removes a leading BOM already; stripBom keeps that explicit and independent of the option.
  const text = stripBom(new TextDecoder('utf-8').decode(bytes));
  out.sources.set(path, new SourceText(path, text));
  return text;
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Index of the first byte that starts an invalid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  const n = b.length;
  while (i < n) {
    const c = b[i];
    if (c < 0x80) { i++; continue; }
    let need: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) { need = 1; min = 0x80; }
    else if (c >= 0xe0 && c <= 0xef) { need = 2; min = 0x800; }
    else if (c >= 0xf0 && c <= 0xf4) { need = 3; min = 0x10000; }
    else return i;
    let cp = c & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const d = b[i + k];
      if (d === undefined || (d & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (d & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** Report each import cycle once, at the import that closes it, with every import of the cycle labelled. */
function reportCycles(units: Map<string, Unit | null>, diagnostics: Diagnostic[]): void {
  const state = new Map<string, 'active' | 'done'>();
  const stack: { path: string; imp?: Import }[] = [];
  const visit = (path: string, imp?: Import): void => {
    const unit = units.get(path);
    state.set(path, 'active');
    stack.push({ path, imp });
    unit?.targets.forEach((target, i) => {
      if (target === null) return;
      const edge = unit.file.imports[i];
      const s = state.get(target);
      if (s === 'active') {
        const from = stack.findIndex((f) => f.path === target);
        const members = stack.slice(from);
        const chain = [...members.map((m) => m.path), target].join(' -> ');
        const related = members.slice(1).map((m) => ({ span: m.imp!.pathSpan, label: `${m.path} is imported here` }));
        diagnostics.push(diag(resolveCodes.importCycle, edge.pathSpan, { cycle: chain }, { related, label: 'this import closes the cycle' }));
      } else if (s === undefined) visit(target, edge);
    });
    stack.pop();
    state.set(path, 'done');
  };
  for (const path of units.keys()) if (!state.has(path)) visit(path);
}
