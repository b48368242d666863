/**
 * Memory a local model needs by size class, 4-bit quantised (Q4_K_M, Ollama's default) at the
 * default context (issue 16). Sources: the Ollama README ("at least 8 GB of RAM available to run
 * the 7B models, 16 GB to run the 13B models, and 32 GB to run the 33B models",
 * github.com/ollama/ollama#model-library); download sizes on ollama.com/library (llama3.2:3b
 * 2.0 GB, llama3.1:8b 4.9 GB, qwen2.5:14b 9.0 GB, qwen2.5:32b 20 GB, llama3.1:70b 43 GB), plus
 * about 20 % for the KV cache and runtime, as in src-main/local/recommended-models.json.
 */
import type { MemoryNeed } from './guide-types'

export const LOCAL_MEMORY: readonly MemoryNeed[] = [
  { size: '1–4B', quant: 'Q4_K_M', memoryGb: [2, 4], ramGb: 8 },
  { size: '7–8B', quant: 'Q4_K_M', memoryGb: [5, 7], ramGb: 8 },
  { size: '13–14B', quant: 'Q4_K_M', memoryGb: [9, 11], ramGb: 16 },
  { size: '30–34B', quant: 'Q4_K_M', memoryGb: [20, 24], ramGb: 32 },
  { size: '70B', quant: 'Q4_K_M', memoryGb: [43, 52], ramGb: 64 },
]
