import { defineFamily } from '../log-family';
import { jsonPattern, oneOf, sticky } from './headers';
import { KUBE_FILLERS } from './kube-ids';

const resource = sticky(oneOf(['pods', 'configmaps', 'endpoints', 'services', 'events']));

/**
 * kube-apiserver audit log lines (audit.k8s.io/v1 JSON). Controllers and
 * nodes reading the API is routine; a person changing objects is User
 * Action; refused or unauthenticated requests are Security Alert.
 */

const base = (verb: string, uri: string, user: Record<string, unknown>, objectRef: Record<string, unknown>, code: string, extra: Record<string, unknown> = {}): string =>
  jsonPattern({
    kind: 'Event',
    apiVersion: 'audit.k8s.io/v1',
    level: '«Metadata|Request|RequestResponse»',
    auditID: '«podUid»',
    stage: 'ResponseComplete',
    requestURI: uri,
    verb,
    user,
    sourceIPs: ['«ip»'],
    userAgent: '«kubectl/v1.28.4 (linux/amd64) kubernetes/bae2c62|kube-controller-manager/v1.28.4 (linux/amd64) kubernetes/bae2c62/system:serviceaccount:kube-system:generic-garbage-collector|argocd-application-controller/v0.0.0 (linux/amd64) kubernetes/$Format|Go-http-client/2.0»',
    objectRef,
    responseStatus: code === '200' || code === '201' ? { metadata: {}, code: Number(code) } : { metadata: {}, status: 'Failure', reason: code === '403' ? 'Forbidden' : 'Unauthorized', code: Number(code) },
    requestReceivedTimestamp: '«iso»',
    stageTimestamp: '«iso»',
    ...extra,
  });

const serviceAccountUser = { username: '«serviceAccount»', uid: '«podUid»', groups: ['system:serviceaccounts', 'system:serviceaccounts:«namespace»', 'system:authenticated'] };
const humanUser = { username: '«user»', groups: ['«system:masters|developers|oidc:platform-team»', 'system:authenticated'] };
const sameNodeUser = { username: 'system:node:«sameNode»', groups: ['system:nodes', 'system:authenticated'] };
/** A kubelet writing about its own pods (the node name is drawn later in the line, so it is a fresh one). */
const sameNodeUserLate = { username: 'system:node:«node»', groups: ['system:nodes', 'system:authenticated'] };
const allow = { annotations: { 'authorization.k8s.io/decision': 'allow', 'authorization.k8s.io/reason': '«|RBAC: allowed by ClusterRoleBinding "«cluster-admin|system:controller:replicaset-controller»" of ClusterRole "cluster-admin" to Group "system:masters"»' } };
const forbid = { annotations: { 'authorization.k8s.io/decision': 'forbid', 'authorization.k8s.io/reason': '' } };

export const kubeAudit = defineFamily({
  family: 'kube-audit',
  description: 'Kubernetes API server audit events (audit.k8s.io/v1, one JSON object per line)',
  sources: ['kube-apiserver-audit', 'kubernetes'],
  formats: [],
  bareShare: 1,
  fillers: { ...KUBE_FILLERS, resource: resource.draw, sameResource: resource.again },
  templates: [
    { label: 'System Notification', pattern: base('«get|list|watch»', '/api/v1/namespaces/«ns»/«resource»«|?limit=500|?resourceVersion=0&watch=true»', serviceAccountUser, { resource: '«sameResource»', namespace: '«sameNs»', apiVersion: 'v1' }, '200', allow), level: null, weight: 3 },
    { label: 'System Notification', pattern: base('«get|update»', '/api/v1/nodes/«theNode»«|/status?timeout=10s»', sameNodeUser, { resource: 'nodes', name: '«sameNode»', apiVersion: 'v1' }, '200', allow), level: null, weight: 2 },
    { label: 'System Notification', pattern: base('update', '/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/«theNode»?timeout=10s', sameNodeUser, { resource: 'leases', namespace: 'kube-node-lease', name: '«sameNode»', apiGroup: 'coordination.k8s.io', apiVersion: 'v1' }, '200', allow), level: null, weight: 2 },
    { label: 'User Action', pattern: base('«create|patch|delete|update»', '/apis/apps/v1/namespaces/«ns»/deployments/«theDeployment»', humanUser, { resource: 'deployments', namespace: '«sameNs»', name: '«sameDeployment»', apiGroup: 'apps', apiVersion: 'v1' }, '200', allow), level: null, weight: 2 },
    { label: 'User Action', pattern: base('create', '/api/v1/namespaces/«ns»/pods/«thePod»/exec?command=«sh|bash|%2Fbin%2Fsh»&container=«containerName»&stdin=true&stdout=true&tty=true', humanUser, { resource: 'pods', namespace: '«sameNs»', name: '«samePod»', apiVersion: 'v1', subresource: 'exec' }, '201', allow), level: null },
    { label: 'User Action', pattern: base('«create|delete»', '/apis/rbac.authorization.k8s.io/v1/namespaces/«ns»/rolebindings', humanUser, { resource: 'rolebindings', namespace: '«sameNs»', apiGroup: 'rbac.authorization.k8s.io', apiVersion: 'v1' }, '201', allow), level: null },
    { label: 'System Notification', pattern: base('create', '/api/v1/namespaces/«ns»/events', sameNodeUserLate, { resource: 'events', namespace: '«sameNs»', apiVersion: 'v1' }, '201', allow), level: null, weight: 2 },
    { label: 'System Notification', pattern: base('create', '/apis/authentication.k8s.io/v1/tokenreviews', serviceAccountUser, { resource: 'tokenreviews', apiGroup: 'authentication.k8s.io', apiVersion: 'v1' }, '201', allow), level: null },
    { label: 'System Notification', pattern: base('«patch|update»', '/api/v1/namespaces/«ns»/pods/«thePod»/status', sameNodeUserLate, { resource: 'pods', namespace: '«sameNs»', name: '«samePod»', apiVersion: 'v1', subresource: 'status' }, '200', allow), level: null, weight: 2 },
    { label: 'User Action', pattern: base('«patch|update»', '/api/v1/namespaces/«ns»/configmaps/«theDeployment»-config', humanUser, { resource: 'configmaps', namespace: '«sameNs»', name: '«sameDeployment»-config', apiVersion: 'v1' }, '200', allow), level: null },
    { label: 'User Action', pattern: base('delete', '/api/v1/namespaces/«ns»/pods/«thePod»', humanUser, { resource: 'pods', namespace: '«sameNs»', name: '«samePod»', apiVersion: 'v1' }, '200', allow), level: null },
    { label: 'User Action', pattern: base('create', '/api/v1/namespaces/«ns»/secrets', humanUser, { resource: 'secrets', namespace: '«sameNs»', apiVersion: 'v1' }, '201', allow), level: null },
    { label: 'Security Alert', pattern: base('create', '/api/v1/namespaces/«ns»/pods/«thePod»/exec?command=«sh|bash»&container=«containerName»&stdin=true&stdout=true&tty=true', serviceAccountUser, { resource: 'pods', namespace: '«sameNs»', name: '«samePod»', apiVersion: 'v1', subresource: 'exec' }, '403', forbid), level: null },
    { label: 'Security Alert', pattern: base('«get|list»', '/api/v1/namespaces/«ns»/secrets«|/«deployment»-«tls|db-credentials|token»»', serviceAccountUser, { resource: 'secrets', namespace: '«sameNs»', apiVersion: 'v1' }, '403', forbid), level: null, weight: 2 },
    { label: 'Security Alert', pattern: base('«get|list|create»', '/api/v1/«resource»', { username: 'system:anonymous', groups: ['system:unauthenticated'] }, { resource: '«sameResource»', apiVersion: 'v1' }, '401', forbid), level: null },
    { label: 'Security Alert', pattern: base('create', '/apis/rbac.authorization.k8s.io/v1/clusterrolebindings', humanUser, { resource: 'clusterrolebindings', apiGroup: 'rbac.authorization.k8s.io', apiVersion: 'v1' }, '403', forbid), level: null },
  ],
});
