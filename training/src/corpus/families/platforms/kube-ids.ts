import { FILLERS, type Filler } from '../../fillers';
import type { Prng } from '../../prng';
import { sticky } from './headers';

/** Names and ids shared by the Kubernetes, kube event, audit and container runtime families. */

const alnum = (r: Prng, n: number): string => {
  let out = '';
  for (let i = 0; i < n; i++) out += 'bcdfghjklmnpqrstvwxz2456789'[r.int(0, 26)];
  return out;
};
const app = (r: Prng): string => r.pick(['api', 'web', 'checkout', 'orders-worker', 'redis', 'postgres', 'nginx-ingress-controller', 'coredns', 'prometheus', 'grafana', 'payments', 'auth', 'frontend', 'kafka-exporter', 'cert-manager']);

export const namespace: Filler = (r) => r.pick(['default', 'kube-system', 'prod', 'staging', 'payments', 'monitoring', 'ingress-nginx', 'cert-manager', 'data', 'team-a']);
export const deployment: Filler = (r) => app(r);
export const replicaSet: Filler = (r) => `${app(r)}-${alnum(r, r.pick([9, 10]))}`;
export const pod: Filler = (r) => r.weighted<string>([[`${app(r)}-${alnum(r, r.pick([9, 10]))}-${alnum(r, 5)}`, 4], [`${r.pick(['postgres', 'kafka', 'redis', 'elasticsearch-data', 'zookeeper'])}-${r.int(0, 4)}`, 1], [`${r.pick(['kube-proxy', 'fluent-bit', 'node-exporter', 'calico-node'])}-${alnum(r, 5)}`, 1]]);
export const nsPod: Filler = (r) => `${namespace(r)}/${pod(r)}`;
export const containerName: Filler = (r) => r.pick(['app', 'api', 'web', 'server', 'worker', 'nginx', 'istio-proxy', 'sidecar', 'init-db', 'redis', 'postgres', 'controller']);
export const node: Filler = (r) => r.pick([`ip-10-${r.int(0, 255)}-${r.int(0, 255)}-${r.int(1, 254)}.${r.pick(['ec2.internal', 'eu-west-1.compute.internal'])}`, `gke-prod-default-pool-${r.hex(8)}-${alnum(r, 4)}`, `aks-nodepool1-${r.int(10000000, 99999999)}-vmss00000${r.int(0, 9)}`, `worker-${r.int(1, 12)}`, `k8s-node-${pad2(r.int(1, 30))}`]);
export const image: Filler = (r) => r.pick([`docker.io/library/${r.pick(['nginx', 'redis', 'postgres', 'busybox'])}:${r.pick(['1.25.3', '7.2', '16-alpine', 'latest', '1.36'])}`, `registry.k8s.io/${r.pick(['kube-proxy', 'coredns/coredns', 'pause'])}:${r.pick(['v1.28.4', 'v1.11.1', '3.9'])}`, `${r.int(100000000000, 999999999999)}.dkr.ecr.${r.pick(['us-east-1', 'eu-west-1'])}.amazonaws.com/${app(r)}:${r.pick(['v1.4.2', '2024.01.15-' + r.hex(7), r.hex(7)])}`, `ghcr.io/${r.pick(['acme', 'initech'])}/${app(r)}:${r.pick(['main', 'v2.3.0', 'sha-' + r.hex(7)])}`]);
export const hex64: Filler = (r) => r.hex(64);
export const podUid: Filler = (r) => FILLERS.uuid(r);
export const serviceAccount: Filler = (r) => `system:serviceaccount:${namespace(r)}:${r.pick(['default', 'argocd-application-controller', 'prometheus', 'external-dns', 'cert-manager', 'fluent-bit', app(r)])}`;
export const podIp: Filler = (r) => `10.${r.pick([244, 42, 100, 0])}.${r.int(0, 255)}.${r.int(2, 254)}`;

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

const stickyNamespace = sticky(namespace);
const stickyPod = sticky(pod);
const stickyNode = sticky(node);
const stickyImage = sticky(image);
const stickyContainer = sticky(containerName);
const stickyDeployment = sticky(deployment);
const stickyPodIp = sticky(podIp);

/** Shared slots; `{ns}`…`{sameNs}` and the like name one value twice in a line. */
export const KUBE_FILLERS: Readonly<Record<string, Filler>> = {
  namespace,
  deployment,
  replicaSet,
  pod,
  nsPod,
  containerName,
  node,
  image,
  hex64,
  podUid,
  serviceAccount,
  podIp,
  ns: stickyNamespace.draw,
  sameNs: stickyNamespace.again,
  thePod: stickyPod.draw,
  samePod: stickyPod.again,
  theNode: stickyNode.draw,
  sameNode: stickyNode.again,
  theImage: stickyImage.draw,
  sameImage: stickyImage.again,
  theContainer: stickyContainer.draw,
  sameContainer: stickyContainer.again,
  theDeployment: stickyDeployment.draw,
  sameDeployment: stickyDeployment.again,
  thePodIp: stickyPodIp.draw,
  samePodIp: stickyPodIp.again,
};
