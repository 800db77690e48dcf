/** The repository root, from this file's place in bench/ (source, under vitest) or dist/bench/ (built). */
export function repoRoot(): string {
  return new URL('.', import.meta.url).pathname.replace(/\/(dist\/)?bench\/$/, '');
}
