/** Turns texts into vectors; similar texts get vectors with a high cosine similarity. */
export interface EmbeddingProvider {
  /** Stored with each vector: vectors of different models are never compared. */
  readonly model: string;
  embed(texts: readonly string[]): Promise<number[][]>;
}

export const EMBEDDINGS = Symbol('EMBEDDINGS');
