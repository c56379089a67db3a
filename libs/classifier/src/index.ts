export type { Classifier } from './classifier';
export { decided, abstained, unclassified, isDecided } from './results';
export {
  LogclassError,
  ERROR_CODES,
  type ErrorCode,
  publicError,
  invalidArgument,
  resourceExhausted,
  unavailable,
} from './errors';
export { AdmissionQueue } from './admission-queue';
export { classifyNonEmpty, isEmptyMessage, EMPTY_MESSAGE_REASON } from './empty-messages';
export { expectOneResultPerRecord } from './one-result-per-record';
