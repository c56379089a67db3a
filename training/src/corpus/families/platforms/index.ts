import type { LogFamily } from '../log-family';
import { android } from './android';
import { bglRas } from './bgl-ras';
import { cloudAudit } from './cloud-audit';
import { containerd } from './containerd';
import { elasticsearch } from './elasticsearch';
import { hadoopYarn } from './hadoop-yarn';
import { hdfs } from './hdfs';
import { healthApp } from './health-app';
import { hpcNode } from './hpc-node';
import { iotDevice } from './iot-device';
import { jvmExceptions } from './jvm-exceptions';
import { kafka } from './kafka';
import { kubeAudit } from './kube-audit';
import { kubeEvents } from './kube-events';
import { kubernetes } from './kubernetes';
import { macos } from './macos';
import { mqttBroker } from './mqtt-broker';
import { openstack } from './openstack';
import { spark } from './spark';
import { thunderbird } from './thunderbird';
import { tomcat, tomcatAccess } from './tomcat';
import { windows } from './windows';
import { windowsCbs } from './windows-cbs';
import { zookeeper } from './zookeeper';

/** The platforms families of the corpus, in a fixed order (template ids do not depend on it). */
export const PLATFORMS_FAMILIES: readonly LogFamily[] = [
  hdfs,
  hadoopYarn,
  spark,
  zookeeper,
  kafka,
  elasticsearch,
  tomcat,
  tomcatAccess,
  jvmExceptions,
  openstack,
  kubernetes,
  kubeEvents,
  kubeAudit,
  containerd,
  cloudAudit,
  windows,
  windowsCbs,
  macos,
  android,
  bglRas,
  hpcNode,
  thunderbird,
  healthApp,
  mqttBroker,
  iotDevice,
];
