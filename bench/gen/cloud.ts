import { prefixFor } from './addresses.js';
import { names, type GenContext } from './context.js';
import type { AsInfo } from './internet.js';
import type { TopologySpec } from './spec.js';

/** A cloud's underlay inside its AS: OVS hosts on one fabric switch. Returns the host names. */
export function emitCloudFabric(ctx: GenContext, spec: TopologySpec, i: number): string[] {
  const { out, addresses } = ctx;
  const hosts = Array.from({ length: Math.max(1, spec.hostsPerCloud) }, (_, j) => names.host(i, j));
  out.push(`  switch ${names.fabric(i)} { subnet: ${addresses.pub.alloc(hosts.length + 2)} }`);
  for (const host of hosts) out.push(`  ovs_host ${host}`);
  for (const host of hosts) out.push(`  link ${host} -- ${names.fabric(i)}`);
  return hosts;
}

/**
 * The tenants: VPC k lives in cloud k mod clouds, its gateway and VMs on random hosts that other tenants
 * share; the gateway maps one public address (from the cloud's announcement) 1:1 to the load balancer VM,
 * which proxies to the application services, which call the database. Returns the public addresses.
 */
export function emitTenants(ctx: GenContext, spec: TopologySpec, clouds: AsInfo[]): string[] {
  const { out, rng, addresses } = ctx;
  const publics: string[] = [];
  const apps = Math.max(1, spec.vmsPerVpc - 2);
  const perCloud = new Map<number, number>();
  for (let k = 0; k < spec.vpcs; k++) {
    const cloud = clouds[k % clouds.length];
    const slot = perCloud.get(cloud.index) ?? 0;
    perCloud.set(cloud.index, slot + 1);
    const uplink = cloud.upper!.sub(slot, 30);
    const publicIp = uplink.host(2);
    publics.push(publicIp);

    const t = (role: string): string => names.tenant(k, role);
    const host = (): string => cloud.hosts[rng.int(cloud.hosts.length)];
    out.push(`vpc ${names.vpc(k)} {`);
    out.push(`  vni: ${10_000 + k}`);
    out.push(`  subnet front ${addresses.vpc.alloc(2 ** (32 - prefixFor(apps + 4)))}`);
    out.push(`  subnet data ${addresses.vpc.alloc(8)}`);
    out.push(`  gateway ${t('gw')} on ${host()} { ip: ${publicIp}/30; public: ${publicIp} -> ${t('lb')} }`);
    out.push(`  vm ${t('lb')} on ${host()} in front`);
    for (let a = 0; a < apps; a++) out.push(`  vm ${t(`app${a}`)} on ${host()} in front`);
    out.push(`  vm ${t('db')} on ${host()} in data`);
    out.push('}');
    out.push(`link ${names.router(cloud.index, 0)} -- ${t('gw')} { subnet: ${uplink} }`);

    const apis = Array.from({ length: apps }, (_, a) => t(`api${a}`));
    out.push(`load_balancer ${t('slb')} on ${t('lb')} { backend: ${apis.join(', ')} }`);
    apis.forEach((api, a) => out.push(`service ${api} on ${t(`app${a}`)} { listen: tcp/8080; calls: ${t('rows')} }`));
    out.push(`database ${t('rows')} on ${t('db')} { replicas: 3; quorum: 2 }`);
  }
  return publics;
}
