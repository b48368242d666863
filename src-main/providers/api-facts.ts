/**
 * How each provider's API really answers, as the adapters use it (issue 12): the test call, the
 * listing and its pagination, the model-test calls, how error bodies map to result codes, and
 * where each fact comes from (the provider's docs, SDK or an issue quoting a real answer). It
 * sits beside the catalog (one row per catalog provider, checked by a test) and, with it,
 * generates docs/providers.md (providers-doc.ts). The fakes in tests/fixtures cite the same
 * sources route by route.
 */
import type { ApiShape, ProviderId } from './catalog-types'

export interface ApiFacts {
  /** The cheapest authenticated call that proves the credential. */
  test: string
  /** How models are listed. */
  listing: string
  pagination: string
  /** What a model test calls, per type the provider serves. */
  modelTests: string
  /** Error bodies → result codes beyond the shared table (401 auth_invalid, 403 auth_forbidden, 429 ok_rate_limited). */
  errors: string
  /** Rate-limit and quota signals read on the test call. */
  limits: string
  sources: string[]
}

/** How each API shape carries the key. */
export const AUTH_HEADER: Record<ApiShape, string> = {
  openai: '`Authorization: Bearer <key>`',
  anthropic: '`x-api-key: <key>` + `anthropic-version: 2023-06-01`',
  google: '`x-goog-api-key: <key>` (never `?key=`)',
  azure: '`api-key: <key>` + `?api-version=`',
  vertex: 'OAuth access token from the service account (RS256 JWT), `Authorization: Bearer`',
  cohere: '`Authorization: Bearer <key>`',
  voyage: '`Authorization: Bearer <key>`',
  elevenlabs: '`xi-api-key: <key>`',
  deepgram: '`Authorization: Token <key>`',
  ollama: 'none, or `Authorization: Bearer <key>` behind a proxy / Ollama cloud',
  lmstudio: 'none, or `Authorization: Bearer <token>` when API tokens are required',
}

const OPENAI_MODEL_TESTS =
  'language `POST /chat/completions`; embedding `POST /embeddings`; text_to_speech `POST /audio/speech` (catalog voice); speech_to_text `POST /audio/transcriptions` (bundled clip)'
const OPENAI_ERRORS =
  '`{error:{message,type,code}}`; 401 `missing_scope` → auth_forbidden (reason missing_scope, scope named); 429 `insufficient_quota` / 402 → auth_forbidden (reason quota)'
const HEADER_LIMITS = '`x-ratelimit-{limit,remaining,reset}-requests`, `retry-after`'
const NONE = '—'

/** One row per catalog provider. */
export const API_FACTS: Record<ProviderId, ApiFacts> = {
  openai: {
    test: '`GET /v1/models`',
    listing:
      '`GET /v1/models`; typed by name (`*-tts`, `whisper`, `*-transcribe`, `text-embedding-*`)',
    pagination: '`has_more` + `last_id` → `?after=`',
    modelTests: `${OPENAI_MODEL_TESTS}; chat uses \`max_completion_tokens\``,
    errors: OPENAI_ERRORS,
    limits: HEADER_LIMITS,
    sources: [
      'https://platform.openai.com/docs/api-reference/models/list',
      'https://platform.openai.com/docs/guides/error-codes',
      'https://platform.openai.com/docs/guides/rate-limits',
      'openai/openai-node src/core/error.ts',
      'openai/codex#31506 (401 "Missing scopes: api.responses.write")',
    ],
  },
  anthropic: {
    test: '`GET /v1/models`',
    listing: '`GET /v1/models` (all language)',
    pagination: '`has_more` + `last_id` → `?after_id=`',
    modelTests: 'language `POST /v1/messages`',
    errors:
      '`{type:"error", error:{type,message}, request_id}`; 400 "credit balance is too low" → auth_forbidden (reason quota)',
    limits:
      '`anthropic-ratelimit-requests-{limit,remaining,reset}` (RFC 3339 reset), `retry-after`',
    sources: [
      'https://docs.anthropic.com/en/api/models-list',
      'https://docs.anthropic.com/en/api/errors',
      'https://docs.anthropic.com/en/api/rate-limits#response-headers',
    ],
  },
  google: {
    test: '`GET /v1beta/models?pageSize=1000`',
    listing:
      '`GET /v1beta/models`; typed by `supportedGenerationMethods` (`*-tts` → text_to_speech)',
    pagination: '`nextPageToken` → `?pageToken=`',
    modelTests:
      'language `:generateContent`; embedding `:embedContent`; text_to_speech `:generateContent` with `responseModalities: [AUDIO]`; speech_to_text `:generateContent` with the clip inline',
    errors:
      '400 `API_KEY_INVALID` / `API_KEY_EXPIRED` → auth_invalid; 403 `SERVICE_DISABLED` → auth_forbidden (reason service_disabled); 403 `API_KEY_SERVICE_BLOCKED` → auth_forbidden (reason api_restricted)',
    limits: NONE,
    sources: [
      'https://ai.google.dev/api/models#method:-models.list',
      'https://ai.google.dev/gemini-api/docs/troubleshooting',
      'google-gemini/deprecated-generative-ai-python#10 (403 SERVICE_DISABLED)',
      'continuedev/continue#12781 (403 API_KEY_SERVICE_BLOCKED)',
    ],
  },
  groq: {
    test: '`GET /openai/v1/models`',
    listing: '`GET /openai/v1/models`; typed by name',
    pagination: 'none (one page)',
    modelTests: `${OPENAI_MODEL_TESTS}; TTS voices are Groq's own (Orpheus: \`autumn\`, Arabic \`fahad\`), \`alloy\` is refused`,
    errors: '401 `{"error":{"message":"Invalid API Key","code":"invalid_api_key"}}`',
    limits: HEADER_LIMITS,
    sources: [
      'https://console.groq.com/docs/models',
      'https://console.groq.com/docs/text-to-speech',
      'https://console.groq.com/docs/rate-limits',
      'spring-projects/spring-ai#997 (401 body)',
    ],
  },
  mistral: {
    test: '`GET /v1/models`',
    listing:
      '`GET /v1/models`; typed by `capabilities` (`completion_chat`, `audio_transcription` → speech_to_text, `ocr`/`classification`/`moderation` left out)',
    pagination: 'none (one page)',
    modelTests:
      'OpenAI-shaped chat / embeddings / transcriptions; text_to_speech `POST /v1/audio/speech {model, input, voice_id}` → JSON `{audio_data}` (base64)',
    errors: '401 `{"message":"Unauthorized","request_id":…}`',
    limits: NONE,
    sources: [
      'https://docs.mistral.ai/api/#tag/models',
      'https://docs.mistral.ai/studio/audio/text-to-speech/generate-speech',
      'cline/cline#1734 (401 body)',
    ],
  },
  deepseek: {
    test: '`GET /models`, then `GET /user/balance` (credit, best effort)',
    listing: '`GET /models` (all language)',
    pagination: 'none (one page)',
    modelTests: 'language `POST /chat/completions`',
    errors:
      '401 "Authentication Fails"; 402 "Insufficient Balance" → auth_forbidden (reason quota)',
    limits: '`/user/balance` `balance_infos[].total_balance` (USD preferred) as credit',
    sources: [
      'https://api-docs.deepseek.com/api/list-models',
      'https://api-docs.deepseek.com/api/get-user-balance',
      'https://api-docs.deepseek.com/quick_start/error_codes',
    ],
  },
  xai: {
    test: '`GET /v1/models`',
    listing: '`GET /v1/models`; typed by name',
    pagination: 'none (one page)',
    modelTests:
      'OpenAI-shaped chat; text_to_speech `POST /v1/tts {text, voice_id, language, output_format}` → audio bytes (no `/audio/speech`)',
    errors: 'a bad key is 400 "Incorrect API key provided" (also URL-encoded) → auth_invalid',
    limits: HEADER_LIMITS,
    sources: [
      'https://docs.x.ai/docs/api-reference#list-models',
      'https://docs.x.ai/developers/model-capabilities/audio/text-to-speech',
      'continuedev/continue#10778 (400 bad-key body)',
    ],
  },
  openrouter: {
    test: '`GET /api/v1/key` (the model listings are public, so they prove nothing)',
    listing:
      '`GET /api/v1/models?output_modalities=all` (else text models only) + `GET /api/v1/embeddings/models`; typed by `architecture.output_modalities` (speech, transcription, embeddings; image/video left out)',
    pagination: '`links.next` (`?offset=&limit=`, same origin only)',
    modelTests: OPENAI_MODEL_TESTS,
    errors: '`{error:{code,message}}`; 402 "Insufficient credits" → auth_forbidden (reason quota)',
    limits: '`/key` `limit_remaining` as credit; `x-ratelimit-*`',
    sources: [
      'https://openrouter.ai/docs/api_reference/models',
      'https://openrouter.ai/docs/api-reference/limits',
      'https://openrouter.ai/docs/api-reference/errors',
      'https://openrouter.ai/docs/client-sdks/typescript/models/modelslistresponselinks',
    ],
  },
  dashscope: {
    test: '`GET /compatible-mode/v1/models` at the region of the key',
    listing: '`GET /compatible-mode/v1/models`; typed by name',
    pagination: 'none (one page)',
    modelTests: 'language `POST /chat/completions`; embedding `POST /embeddings`',
    errors:
      '401 "Incorrect API key provided" (a key from another region answers the same) → auth_invalid with the region\'s key page',
    limits: NONE,
    sources: [
      'https://www.alibabacloud.com/help/en/model-studio/base-url',
      'https://www.alibabacloud.com/help/en/model-studio/get-api-key',
      'Aider-AI/aider#4712 (401 text)',
    ],
  },
  minimax: {
    test: '`GET /v1/models`',
    listing: '`GET /v1/models`; typed by name',
    pagination: 'none (one page)',
    modelTests: 'language `POST /v1/chat/completions`',
    errors: '401 "login fail: Please carry the API secret key … (1004)"',
    limits: NONE,
    sources: [
      'https://platform.minimax.io/docs/api-reference/text-openai-api',
      'nearai/ironclaw#1742 (401 body)',
    ],
  },
  novita: {
    test: '`GET /openai/v1/models`',
    listing: '`GET /openai/v1/models`; typed by name',
    pagination: 'none (one page)',
    modelTests:
      'language `POST /openai/v1/chat/completions`; embedding `POST /openai/v1/embeddings`',
    errors: 'OpenAI shape',
    limits: NONE,
    sources: ['https://novita.ai/docs/api-reference/model-apis-llm-list-models'],
  },
  ppq: {
    test: '`POST https://api.ppq.ai/credits/balance` (the `/v1/models` listing is public, so a wrong key would list fine)',
    listing: '`GET /v1/models?type=all`; typed by name',
    pagination: 'none (one page)',
    modelTests: `chat / embeddings on \`api.ppq.ai/v1\`; audio on \`https://ppq.ai/api/v1\` (voice \`aura-2-apollo-en\`)`,
    errors:
      '401 `{"status":"error","statusCode":401,"message":"Unauthorized"}`; 402 "Insufficient credit." → auth_forbidden (reason quota)',
    limits: '`/credits/balance` `balance` as credit',
    sources: ['https://ppq.ai/api-docs', 'https://ppq.ai/llms.txt'],
  },
  cohere: {
    test: '`GET /v1/models`',
    listing: '`GET /v1/models`; typed by `endpoints` (chat → language, embed → embedding)',
    pagination: '`next_page_token` → `?page_token=`',
    modelTests: 'language `POST /v2/chat`; embedding `POST /v2/embed`',
    errors:
      '`{message}` bodies (401 "invalid api token"); 402 billing limit → auth_forbidden (reason quota)',
    limits: NONE,
    sources: [
      'https://docs.cohere.com/reference/list-models',
      'https://docs.cohere.com/reference/errors',
      'cohere-ai/cohere-toolkit#857 (401 body)',
    ],
  },
  voyage: {
    test: 'one tiny `POST /v1/embeddings` with the test model (no listing API)',
    listing: 'the catalog’s static list',
    pagination: 'none',
    modelTests: 'embedding `POST /v1/embeddings`',
    errors: '`{detail}` bodies; shared status table',
    limits: NONE,
    sources: [
      'https://docs.voyageai.com/reference/embeddings-api',
      'https://docs.voyageai.com/docs/error-codes',
    ],
  },
  elevenlabs: {
    test: '`GET /v1/models` (needs a valid key)',
    listing: '`GET /v1/models` (`can_do_text_to_speech`) + the catalog’s Scribe models',
    pagination: 'none (one page)',
    modelTests:
      'text_to_speech `POST /v1/text-to-speech/{voice}`; speech_to_text `POST /v1/speech-to-text`',
    errors:
      '`detail.status` (all on 401 unless noted): `invalid_api_key` → auth_invalid, `missing_permissions` → auth_forbidden, `quota_exceeded` → ok_rate_limited; 429 `too_many_concurrent_requests` / `system_busy`',
    limits: NONE,
    sources: [
      'https://elevenlabs.io/docs/api-reference/models/list',
      'https://elevenlabs.io/docs/api-reference/errors',
      'home-assistant/core#160414 (401 quota_exceeded)',
      'elevenlabs/cli#126 (401 missing_permissions)',
    ],
  },
  deepgram: {
    test: '`GET /v1/projects`',
    listing: 'the catalog’s static list',
    pagination: 'none',
    modelTests: 'text_to_speech `POST /v1/speak?model=`; speech_to_text `POST /v1/listen`',
    errors: '`{err_code, err_msg, request_id}` bodies (401 `INVALID_AUTH`); shared status table',
    limits: NONE,
    sources: [
      'https://developers.deepgram.com/reference/get-projects',
      'https://developers.deepgram.com/docs/tts-models',
      'https://developers.deepgram.com/reference/errors',
    ],
  },
  ollama: {
    test: '`GET /api/version` + `GET /api/tags`',
    listing:
      '`GET /api/tags`, each typed by `POST /api/show` `capabilities` (completion/vision/insert/tools → language, embedding; `image` generators left out), loaded state from `/api/ps`',
    pagination: 'none',
    modelTests: 'language `POST /api/chat` (with `num_ctx`); embedding `POST /api/embed`',
    errors: '`{"error": "…"}`; shared status table',
    limits: NONE,
    sources: [
      'https://github.com/ollama/ollama/blob/main/docs/api.md',
      'ollama/ollama types/model/capability.go',
    ],
  },
  omlx: {
    test: '`GET /v1/models` (detection: `GET /health`, 503 "loading" = starting)',
    listing: '`GET /v1/models`; typed by name',
    pagination: 'none',
    modelTests: 'language / embedding, OpenAI-shaped',
    errors: '401 "API key required" / "Invalid API key" when started with `--api-key`',
    limits: NONE,
    sources: ['https://github.com/jundot/omlx (omlx/server.py: `health`, `verify_api_key`)'],
  },
  lmstudio: {
    test: '`GET /v1/models`',
    listing: '`GET /api/v0/models` (type llm/vlm/embeddings, loaded state), else `/v1/models`',
    pagination: 'none',
    modelTests: 'language / embedding, OpenAI-shaped',
    errors: 'every route 401 when API tokens are required (LM Studio ≥ 0.4) → needs a key',
    limits: NONE,
    sources: [
      'https://lmstudio.ai/docs/app/api/endpoints/rest',
      'https://lmstudio.ai/docs/developer/core/authentication',
      'agustif/opencode-lmstudio#28',
    ],
  },
  azure: {
    test: '`GET {endpoint}/openai/deployments?api-version=2023-03-15-preview`, else `/openai/models`',
    listing: 'deployments (what inference addresses), not base models',
    pagination: 'none',
    modelTests:
      'OpenAI-shaped on `/openai/deployments/{name}/…?api-version=` (per-modality endpoints)',
    errors:
      '`{error:{code:"<status>", message}}` (401 "Access denied due to invalid subscription key or wrong API endpoint…", 403 "Public access is disabled…", 404 "Resource not found"); shared status table',
    limits: HEADER_LIMITS,
    sources: [
      'https://learn.microsoft.com/azure/ai-services/openai/reference',
      'https://learn.microsoft.com/azure/ai-services/openai/quotas-limits',
      'openai/openai-python#447 (deployments listing body)',
    ],
  },
  vertex: {
    test: 'token exchange, then a free `:countTokens` on the test model',
    listing:
      'the catalog’s static list (Gemini TTS named `gemini-2.5-flash-tts`, `gemini-2.5-pro-tts`)',
    pagination: 'none',
    modelTests:
      'language `:generateContent`; embedding `:predict`; text_to_speech `:generateContent` (audio)',
    errors: 'Google’s `{error:{code,status,details}}`; shared status table',
    limits: NONE,
    sources: [
      'https://cloud.google.com/vertex-ai/generative-ai/docs/model-reference/inference',
      'https://cloud.google.com/text-to-speech/docs/gemini-tts',
    ],
  },
  openai_compatible: {
    test: '`GET {base}/models` (404/405 → ok_listing_unsupported; a 404 where `/v1/models` answers → "add /v1")',
    listing: '`GET {base}/models`; typed by name',
    pagination: '`has_more`/`last_id`, or a same-origin `next` link',
    modelTests: OPENAI_MODEL_TESTS,
    errors: OPENAI_ERRORS,
    limits: HEADER_LIMITS,
    sources: ['https://platform.openai.com/docs/api-reference/models/list'],
  },
  anthropic_compatible: {
    test: '`GET {base}/v1/models`',
    listing: '`GET {base}/v1/models`',
    pagination: '`has_more` + `last_id` → `?after_id=`',
    modelTests: 'language `POST {base}/v1/messages`',
    errors: 'Anthropic shape',
    limits: '`anthropic-ratelimit-*` when the server sends them',
    sources: ['https://docs.anthropic.com/en/api/models-list'],
  },
}
