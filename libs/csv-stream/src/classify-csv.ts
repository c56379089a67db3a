import type { Readable } from 'node:stream';
import type { Classifier } from '@logclass/classifier';
import { classifyStream, type ClassifyStreamOptions } from './classify-stream';

export type ClassifyCsvOptions = Omit<ClassifyStreamOptions, 'inputFormat' | 'outputFormat' | 'continuation' | 'messageField' | 'sourceField'>;

/**
 * Classifies a CSV stream: the same rows, in the same order, with
 * `target_label` (and any requested extra columns) filled in. See
 * classifyStream for when it resolves and how late problems surface.
 */
export function classifyCsv(input: Readable, classifier: Classifier, opts: ClassifyCsvOptions = {}): Promise<Readable> {
  return classifyStream(input, classifier, { ...opts, inputFormat: 'csv', outputFormat: 'csv' });
}
