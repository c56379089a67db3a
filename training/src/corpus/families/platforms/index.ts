import type { LogFamily } from '../log-family';
import { hadoopYarn } from './hadoop-yarn';
import { hdfs } from './hdfs';
import { spark } from './spark';

/** The platforms families of the corpus, in a fixed order (template ids do not depend on it). */
export const PLATFORMS_FAMILIES: readonly LogFamily[] = [hdfs, hadoopYarn, spark];
