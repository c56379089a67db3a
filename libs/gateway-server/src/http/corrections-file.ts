// The corrections file is the corrections lib's (shared with the CLI and training).
export { correctionsFile } from '@logclass/corrections';
