import type { LlmGateway } from '@autonomos/llm';
import { z } from 'zod';
import type { LlmRerank } from './matcher';

const SCORES = z.object({
  scores: z
    .array(z.object({ candidate: z.number().int().describe('The candidate number as given'), score: z.number().describe('Probability in [0,1]') }))
    .describe('One entry per candidate'),
});

const SYSTEM = [
  'You map columns of a source data set to the fields of a target schema.',
  'For every candidate target field, give the probability (0 to 1) that the source column holds exactly that field\'s data.',
  'Judge by meaning: the column name, its sample values and the field descriptions. Answer for every candidate.',
].join(' ');

/**
 * The matcher's re-ranker backed by the LLM gateway. It asks once per column about the top
 * candidates only; after the first failed or skipped call it abstains for the rest of the
 * request (null scores), so a slow provider costs one timeout, not one per column.
 */
export function llmReranker(gateway: LlmGateway): LlmRerank {
  let givenUp = false;
  return async (column, candidates) => {
    if (givenUp) return candidates.map(() => null);
    const prompt = {
      column: { name: column.name, samples: (column.samples ?? []).slice(0, 8).map((v) => v.slice(0, 80)) },
      candidates: candidates.map(({ target }, candidate) => ({ candidate, name: target.name, type: target.type, description: target.description })),
    };
    const answer = await gateway.structured({ name: 'score_candidates', schema: SCORES, system: SYSTEM, user: JSON.stringify(prompt) });
    if (!answer) {
      givenUp = true;
      return candidates.map(() => null);
    }
    const byCandidate = new Map(answer.scores.map((s) => [s.candidate, s.score]));
    return candidates.map((_, n) => byCandidate.get(n) ?? null);
  };
}
