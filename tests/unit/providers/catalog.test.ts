/**
 * The provider catalog (DESIGN §5) as src-main/providers/catalog.ts serves it. It drives the
 * table src-main/providers/catalog-table.ts assembles (every group present, in one list) and the
 * entry groups that table is made of:
 * - src-main/providers/entries/frontier
 * - src-main/providers/entries/regional
 * - src-main/providers/entries/audio-embedding
 * - src-main/providers/entries/local
 * - src-main/providers/entries/cloud-platforms
 * - src-main/providers/entries/compatible
 * Each group is checked here for its provider ids (the 23 of DESIGN §5), its entries' env vars
 * and the fields they fill, required and optional fields, https docs and static models: renaming
 * an id, dropping a field or remapping a variable in any of them fails a test below.
 */
import { describe, expect, it } from 'vitest'
import {
  catalog,
  catalogView,
  docsHosts,
  getProvider,
  providerIds,
} from '../../../src-main/providers/catalog'
import { AppError } from '../../../src-main/errors'
import { isSafeExternalUrl } from '../../../src-main/providers/external-links'
import { DESIGN_PROVIDERS } from '../../fixtures/design-providers'

describe('catalog', () => {
  it('holds exactly the 23 providers of DESIGN §5, once each', () => {
    expect([...providerIds].sort()).toEqual([...DESIGN_PROVIDERS].sort())
    expect(new Set(providerIds).size).toBe(23)
  })

  it('gives every entry https docs, modalities and env vars that map to its own fields', () => {
    for (const e of catalog) {
      expect(new URL(e.docsUrl).protocol, e.id).toBe('https:')
      expect(e.modalities.length, e.id).toBeGreaterThan(0)
      const fieldNames = e.fields.map((f) => f.field)
      const vars = [
        ...e.envVars.required,
        ...(e.envVars.anyOf ?? []),
        ...(e.envVars.optional ?? []),
      ]
      expect(vars.length, e.id).toBeGreaterThan(0)
      for (const v of vars) {
        expect(e.envVars.map[v], `${e.id} ${v}`).toBeDefined()
        expect(fieldNames, `${e.id} ${v}`).toContain(e.envVars.map[v])
      }
      if (e.defaultBaseUrl) expect(() => new URL(e.defaultBaseUrl!)).not.toThrow()
      if (e.discovery === 'static') expect(e.staticModels?.length, e.id).toBeGreaterThan(0)
      for (const m of e.staticModels ?? [])
        expect(e.modalities, `${e.id} ${m.name}`).toContain(m.type)
    }
  })

  it('uses the conventional env var names', () => {
    expect(getProvider('openai').envVars.required).toEqual(['OPENAI_API_KEY'])
    expect(getProvider('google').envVars.anyOf).toEqual(['GOOGLE_API_KEY', 'GEMINI_API_KEY'])
    expect(getProvider('ollama').envVars.required).toEqual(['OLLAMA_API_BASE'])
    expect(getProvider('azure').envVars.required).toEqual([
      'AZURE_OPENAI_API_KEY',
      'AZURE_OPENAI_ENDPOINT',
      'AZURE_OPENAI_API_VERSION',
    ])
    expect(getProvider('openai_compatible').envVars.map).toEqual({
      OPENAI_COMPATIBLE_BASE_URL: 'baseUrl',
      OPENAI_COMPATIBLE_API_KEY: 'apiKey',
    })
  })

  it('has the field shapes of issue 4', () => {
    const req = (id: string) =>
      getProvider(id)
        .fields.filter((f) => f.required)
        .map((f) => f.field)
        .sort()
    const all = (id: string) => getProvider(id).fields.map((f) => f.field)
    expect(req('vertex')).toEqual(['location', 'project'])
    expect(all('vertex')).not.toContain('apiKey')
    expect(all('vertex')).toContain('credentialsPath')
    expect(req('azure')).toEqual(['apiKey', 'apiVersion', 'endpoint'])
    expect(all('azure')).toEqual(
      expect.arrayContaining(['endpointLanguage', 'endpointTextToSpeech']),
    )
    expect(req('anthropic_compatible')).toEqual(['apiKey', 'baseUrl'])
    expect(req('openai_compatible')).toEqual(['baseUrl'])
    expect(all('ollama')).toEqual(expect.arrayContaining(['baseUrl', 'apiKey', 'numCtx']))
    expect(req('ollama')).toEqual([])
    for (const id of ['openai', 'groq', 'voyage', 'elevenlabs', 'deepgram', 'cohere']) {
      expect(req(id)).toEqual(['apiKey'])
      expect(all(id)).toContain('baseUrl')
    }
  })

  it('rejects unknown ids with a validation error', () => {
    expect(() => getProvider('nope')).toThrow(AppError)
    try {
      getProvider('OpenAI ')
    } catch (err) {
      expect((err as AppError).code).toBe('validation')
    }
  })

  it('renders to plain JSON with no functions and no shared references', () => {
    const view = catalogView()
    expect(JSON.parse(JSON.stringify(view))).toEqual(view)
    view[0]!.fields.push({ field: 'numCtx', required: false })
    expect(catalog[0]!.fields.some((f) => f.field === 'numCtx')).toBe(false)
    expect(view.find((p) => p.id === 'openai')!.secretFields).toEqual(['apiKey'])
  })

  it('allows the catalog docs hosts as external links and nothing else', () => {
    for (const e of catalog) expect(isSafeExternalUrl(e.docsUrl), e.id).toBe(true)
    expect(docsHosts()).toContain('platform.openai.com')
    expect(isSafeExternalUrl('http://platform.openai.com/api-keys')).toBe(false)
    expect(isSafeExternalUrl('https://evil.example/api-keys')).toBe(false)
    expect(isSafeExternalUrl('https://user:pw@platform.openai.com/')).toBe(false)
  })
})

describe('Vertex names its Gemini TTS models without "preview" (issue 12)', () => {
  it('lists gemini-2.5-flash-tts and gemini-2.5-pro-tts as text_to_speech', () => {
    const tts = (getProvider('vertex').staticModels ?? []).filter(
      (m) => m.type === 'text_to_speech',
    )
    expect(tts.map((m) => m.name)).toEqual(['gemini-2.5-flash-tts', 'gemini-2.5-pro-tts'])
  })
})
