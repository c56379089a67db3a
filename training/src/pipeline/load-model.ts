import { resolve } from 'node:path';
import { createEmbedder, embedderSpecFromId, loadArtifact, readArtifactMetadata, type Embedder, type ModelArtifact } from '@logclass/embedding-tier';

export interface LoadedModel {
  artifact: ModelArtifact;
  embedder: Embedder;
}

/** Loads a model directory and rebuilds the embedder it was trained with (from the id recorded in model.json). */
export async function loadModel(dir: string, modelsPath = 'models'): Promise<LoadedModel> {
  const metadata = readArtifactMetadata(dir);
  const spec = embedderSpecFromId(metadata.embedder.id, { modelsPath: resolve(modelsPath) });
  if (!spec) throw new Error(`model ${dir} was trained with embedder "${metadata.embedder.id}", which this version cannot rebuild`);
  const embedder = await createEmbedder(spec);
  return { artifact: loadArtifact(dir, embedder), embedder };
}
