import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { PersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
import { Service } from 'kubernetes-models/v1/Service';
import type { K8sObject } from './kustomize';

type Model = new (data: never) => { validate(): void };

/** The kinds docker/k8s uses, by apiVersion and kind: another kind must be added here to be validated. */
const MODELS: Record<string, Model> = {
  'apps/v1/Deployment': Deployment,
  'v1/Service': Service,
  'v1/ConfigMap': ConfigMap,
  'v1/PersistentVolumeClaim': PersistentVolumeClaim,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy,
};

/**
 * Validates one object against the Kubernetes OpenAPI schema (kubernetes-models,
 * offline). Throws with the object's name and the schema errors. Note the
 * schemas allow unknown fields: a misspelt field name is not caught here,
 * which is why the other specs read the fields they rely on.
 */
export function validateK8sObject(o: K8sObject): void {
  const model = MODELS[`${o.apiVersion}/${o.kind}`];
  if (!model) throw new Error(`${o.apiVersion} ${o.kind} ${o.metadata?.name}: no schema model registered`);
  try {
    new model(o as never).validate();
  } catch (err) {
    throw new Error(`${o.kind}/${o.metadata.name}: ${(err as Error).message}`);
  }
}
