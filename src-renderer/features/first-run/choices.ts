/**
 * The first-run choices (issue 16), as one table: what each answer to "What do you want?" offers
 * and which flow it leads into. docs/ARCHITECTURE.md ("First run") records why these providers.
 *
 * - cloud: the simplest setup — one key from a large provider whose models cover every job.
 * - cost: providers with free tiers or low prices per token (OpenRouter's free models, Groq's
 *   free tier, DeepSeek's prices, Google AI Studio's free tier).
 * - private: nothing leaves the machine — a local server already running, or Ollama set up
 *   offline; no key at any step.
 * - enterprise: the clouds companies contract with (Azure OpenAI deployments, Vertex AI).
 */

/** The four answers, in the order the screen shows them. */
export const FIRST_RUN_CHOICES = ['cloud', 'cost', 'private', 'enterprise'] as const
export type FirstRunChoice = (typeof FIRST_RUN_CHOICES)[number]

/** `key`: add a provider key; `local`: connect a local server or set up Ollama offline. */
export type FlowKind = 'key' | 'local'

/** The steps of each flow, in order (the progress list shows them). */
export const FLOW_STEPS = {
  key: ['addKey', 'test', 'discover', 'defaults', 'verify'],
  local: ['server', 'setup', 'verify'],
} as const satisfies Record<FlowKind, readonly string[]>
export type FlowStep = (typeof FLOW_STEPS)[FlowKind][number]

interface ChoiceSpec {
  flow: FlowKind
  /** Catalog provider ids offered, first = suggested. */
  providers: readonly string[]
}

/** The table: one row per answer. */
export const CHOICE_TABLE: Record<FirstRunChoice, ChoiceSpec> = {
  cloud: { flow: 'key', providers: ['openai', 'anthropic', 'google'] },
  cost: { flow: 'key', providers: ['openrouter', 'groq', 'deepseek', 'google'] },
  private: { flow: 'local', providers: ['ollama', 'lmstudio', 'openai_compatible'] },
  enterprise: { flow: 'key', providers: ['azure', 'vertex'] },
}

/** What an answer leads into: its flow, the steps shown, the providers offered. */
export function flowFor(choice: FirstRunChoice): {
  flow: FlowKind
  steps: readonly FlowStep[]
  providers: readonly string[]
} {
  const spec = CHOICE_TABLE[choice]
  return { flow: spec.flow, steps: FLOW_STEPS[spec.flow], providers: spec.providers }
}

/** Where the walk stands: which step is current given what is done (the progress list). */
export function stepState(
  steps: readonly FlowStep[],
  current: FlowStep,
  step: FlowStep,
): 'done' | 'current' | 'todo' {
  const at = steps.indexOf(current)
  const i = steps.indexOf(step)
  return i < at ? 'done' : i === at ? 'current' : 'todo'
}
