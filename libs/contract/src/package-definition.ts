import { loadFileDescriptorSetFromObject, type PackageDefinition } from '@grpc/proto-loader';
// Generated next to the TypeScript by `buf build` so that server reflection
// needs no .proto file on disk at run time (bundled apps ship without proto/).
import descriptorSet from './gen/descriptor-set.json';

/** Fully-qualified service name, as health checks and reflection see it. */
export const LOG_CLASSIFIER_SERVICE_NAME = 'logclass.v1.LogClassifier';

/** The contract as a grpc-js package definition (for reflection). */
export function loadPackageDefinition(): PackageDefinition {
  return loadFileDescriptorSetFromObject(descriptorSet, {});
}
