import { setting } from '@logclass/service-config';

/** Value of GATEWAY_TEMPLATE_STATE_FILE that keeps the mined templates in memory only (an empty variable means the default, as for every setting). */
export const IN_MEMORY_ONLY = 'none';

/** GATEWAY_TEMPLATE_* settings of the template miner (spread into gatewaySettings()). */
export function templateSettings() {
  return {
    templateStateFile: setting.custom(
      'GATEWAY_TEMPLATE_STATE_FILE',
      'data/template-miner.json',
      `JSON snapshot of the mined templates (the \`template\` column), written on shutdown and every GATEWAY_TEMPLATE_SNAPSHOT_SECONDS and read at start; a snapshot of another mask version or other mask rules is ignored (logged). \`${IN_MEMORY_ONLY}\` = in memory only. Relative to the working directory.`,
      (raw): string | undefined => {
        const path = raw.trim();
        return path === '' || path === IN_MEMORY_ONLY ? undefined : path;
      },
    ),
    templateSnapshotSeconds: setting.int('GATEWAY_TEMPLATE_SNAPSHOT_SECONDS', 60, 'Seconds between snapshots of the mined templates to GATEWAY_TEMPLATE_STATE_FILE (skipped when nothing changed).', { min: 1, max: 86_400 }),
    templateMax: setting.int('GATEWAY_TEMPLATE_MAX', 50_000, 'Most mined templates kept; the least recently seen is forgotten past it.', { min: 1, max: 10_000_000 }),
    templateTiers: setting.list(
      'GATEWAY_TEMPLATE_TIERS',
      [],
      'Tiers (names of GATEWAY_TIERS) whose records carry their mined template, so the tier keys what it remembers by it: with `llm`, the LLM tier asks once per mined template instead of once per deterministic mask (1.6–4x fewer calls measured on generated streams, BENCHMARKS.md); with `embedding`, the embedding tier runs its model once per mined template instead of once per text of its own mask (2.8–5.2x fewer runs). The price: one answer stands for every line the miner grouped. Only records that reach such a tier are mined for it. Empty = none.',
    ),
    templatePeerDir: setting.optionalString(
      'GATEWAY_TEMPLATE_PEER_DIR',
      "Folder of the other gateway replicas' template snapshots (each replica's GATEWAY_TEMPLATE_STATE_FILE in it, on a volume they share): every GATEWAY_TEMPLATE_SNAPSHOT_SECONDS this gateway absorbs the ones that changed (TemplateMiner.absorb), so replicas agree on templates and their ids; each keeps its own counts. Unset = each replica mines alone.",
    ),
    templatePeerStoreUrl: setting.optionalString(
      'GATEWAY_TEMPLATE_PEER_STORE_URL',
      "PostgreSQL connection string (from a Secret) of a table where the gateway replicas trade template snapshots, for clusters without a volume they can share (GATEWAY_TEMPLATE_PEER_DIR): every GATEWAY_TEMPLATE_SNAPSHOT_SECONDS each replica stores its own (when it changed) and absorbs the others' that changed; a replica silent for a day is dropped. Unset = not used. Not with GATEWAY_TEMPLATE_PEER_DIR.",
      { secret: true },
    ),
    templateReplicaName: setting.optionalString(
      'GATEWAY_TEMPLATE_REPLICA_NAME',
      "This replica's name in GATEWAY_TEMPLATE_PEER_STORE_URL's table, unique among the replicas. Unset = the host's name (a pod's name in Kubernetes).",
    ),
    templateMaskRules: setting.optionalString(
      'GATEWAY_TEMPLATE_MASK_RULES',
      'YAML or JSON file of extra per-source masks applied before mining (see libs/template-miner/rules/example-mask-rules.yaml); unset = the built-in masks only.',
    ),
  };
}
