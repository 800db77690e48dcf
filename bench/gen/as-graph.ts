import type { Rng } from './rng.js';

/** 1 = tier-1 clique, 2 = transit, 3 = stub. */
export type Tier = 1 | 2 | 3;

/** `provider`: `a` is `b`'s provider (a customer link); `peer`: settlement-free peers. */
export interface InterAsLink {
  a: number;
  b: number;
  relation: 'provider' | 'peer';
}

export interface AsGraph {
  tiers: Tier[];
  links: InterAsLink[];
}

/**
 * An Internet-like AS graph. ASes are numbered by tier (tier 1 first, stubs last); each non-tier-1 AS
 * buys transit from one to three providers of lower index, chosen by preferential attachment (so that the
 * degree distribution is heavy-tailed and provider relations never form a cycle), then peer links between
 * degree-weighted pairs fill up to `linkTarget`.
 */
export function buildAsGraph(
  rng: Rng,
  count: number,
  tier1: number,
  tier2Fraction: number,
  linkTarget: number,
): AsGraph {
  const t1 = Math.min(Math.max(1, tier1), count);
  const t2 = Math.round((count - t1) * tier2Fraction);
  const tiers: Tier[] = Array.from({ length: count }, (_, i) => (i < t1 ? 1 : i < t1 + t2 ? 2 : 3));
  const links: InterAsLink[] = [];
  const pairs = new Set<number>();
  // One entry per AS plus one per link end: a uniform pick is a pick proportional to degree + 1.
  const transitEnds: number[] = [];
  const allEnds: number[] = [];

  const connect = (a: number, b: number, relation: InterAsLink['relation']): boolean => {
    const key = Math.min(a, b) * count + Math.max(a, b);
    if (a === b || pairs.has(key)) return false;
    pairs.add(key);
    links.push({ a, b, relation });
    allEnds.push(a, b);
    if (tiers[a] !== 3) transitEnds.push(a);
    if (tiers[b] !== 3) transitEnds.push(b);
    return true;
  };

  for (let i = 0; i < count; i++) {
    allEnds.push(i);
    if (i < t1) {
      for (let j = 0; j < i; j++) connect(j, i, 'peer');
    } else {
      const providers = tiers[i] === 2 ? 1 + rng.int(3) : 1 + (rng.chance(0.4) ? 1 : 0);
      for (let p = 0, tries = 0; p < providers && tries < 10 * providers; tries++) {
        if (connect(transitEnds[rng.int(transitEnds.length)], i, 'provider')) p++;
      }
    }
    if (tiers[i] !== 3) transitEnds.push(i);
  }

  const maxLinks = (count * (count - 1)) / 2;
  const target = Math.min(linkTarget, maxLinks);
  for (let tries = 0; links.length < target && tries < 20 * target; tries++) {
    connect(allEnds[rng.int(allEnds.length)], allEnds[rng.int(allEnds.length)], 'peer');
  }
  return { tiers, links };
}
