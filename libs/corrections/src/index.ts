// Operators' corrections: the file the gateway and the CLI append to, and training reads.
export { CorrectionsFile, correctionsFile, CORRECTIONS_HEADER, type Correction } from './corrections-file';
export { DEFAULT_CORRECTIONS_FILE } from './default-path';
