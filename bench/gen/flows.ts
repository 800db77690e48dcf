import { names, type GenContext } from './context.js';

/** Flow n goes from the n-th UE (round-robin over all carriers) to the n-th VPC's public address. */
export function emitFlows(ctx: GenContext, count: number, ues: string[], publics: string[]): void {
  if (ues.length === 0 || publics.length === 0) return;
  for (let n = 0; n < count; n++) {
    ctx.out.push(`flow ${names.flow(n)} {`);
    ctx.out.push(`  from: ${ues[n % ues.length]}`);
    ctx.out.push(`  to: ${publics[n % publics.length]}`);
    ctx.out.push('  port: tcp/443');
    if (n % 2 === 0) ctx.out.push('  method: POST');
    if (n % 3 === 0) ctx.out.push('  idempotency_key');
    ctx.out.push('}');
  }
}
