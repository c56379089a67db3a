// The one source of message types: everything here is generated from
// proto/logclass/v1/classifier.proto by `npm run proto:generate`.
export * from './gen/logclass/v1/classifier';
export { loadPackageDefinition, LOG_CLASSIFIER_SERVICE_NAME } from './package-definition';
