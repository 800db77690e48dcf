import { defineCode } from '../diagnostic.js';

export const cloudCodes = {
  gatewayWithoutPublic: defineCode<{ name: string }>({
    code: 'TOPO2501',
    severity: 'error',
    title: 'virtual gateway with no public address',
    message: ({ name }) => `virtual gateway \`${name}\` has no public address to translate`,
    help: () => 'add `public: PUBLIC_IP -> VM`',
  }),
  foreignPublicTarget: defineCode<{ vm: string; vpc: string }>({
    code: 'TOPO2502',
    severity: 'error',
    title: 'public address mapped to a VM of another VPC',
    message: ({ vm, vpc }) => `\`${vm}\` is not in this gateway's VPC \`${vpc}\``,
    help: () => 'a gateway translates only to VMs of its own VPC',
  }),
  foreignSubnet: defineCode<{ subnet: string; vpc: string }>({
    code: 'TOPO2503',
    severity: 'error',
    title: 'VM in a subnet of another VPC',
    message: ({ subnet, vpc }) => `subnet \`${subnet}\` belongs to another VPC than \`${vpc}\``,
    help: () => 'use a subnet declared in the VM\'s own VPC',
  }),
  duplicateVni: defineCode<{ vni: number }>({
    code: 'TOPO2504',
    severity: 'error',
    title: 'two VPCs with the same VNI',
    message: ({ vni }) => `VNI ${vni} is already used by another VPC`,
    help: () => 'each VPC needs its own VXLAN network identifier',
  }),
  duplicatePublic: defineCode<{ addr: string }>({
    code: 'TOPO2505',
    severity: 'error',
    title: 'public address mapped twice',
    message: ({ addr }) => `public address ${addr} is already mapped`,
    help: () => '1:1 NAT maps each public address to one VM',
  }),
} as const;
