import i18next from 'i18next'
import { beforeAll, describe, expect, it } from 'vitest'
import { resources } from '../../../src-shared/i18n/resources'
import { testHint } from '../../../src-renderer/features/api-keys/test-hint'

const i18n = i18next.createInstance()
beforeAll(async () => {
  await i18n.init({
    lng: 'it-IT',
    fallbackLng: 'en-US',
    resources: resources as never,
    ns: ['apiKeys'],
    defaultNS: 'apiKeys',
    interpolation: { escapeValue: false },
    showSupportNotice: false,
  })
})
const t = (...a: Parameters<typeof i18n.t>) => i18n.t(...a)
const exists = (k: string) => i18n.exists(k)

describe('test hints in the reader language', () => {
  it('picks the hint by code and reason, with the suggested URL filled in', () => {
    const h = testHint(
      t as never,
      exists,
      {
        code: 'server_error',
        hint: 'Add /v1.',
        params: { reason: 'missing_v1', suggestedBaseUrl: 'http://h/v1' },
      },
      undefined,
    )
    expect(h).toBe("L'API risponde sotto /v1: usa http://h/v1 come URL di base.")
    const notFound = testHint(
      t as never,
      exists,
      { code: 'server_error', hint: 'x', params: { status: 404 } },
      undefined,
    )
    expect(notFound).toBe(
      "Controlla l'URL di base: il server non conosce questo percorso dell'API.",
    )
  })

  it('gives English readers main’s own (more specific) hint', () => {
    const main = 'Deployment "gpt4" is not in this Azure resource: check the name.'
    expect(
      testHint(
        t as never,
        exists,
        { code: 'server_error', hint: main, params: { status: 404 } },
        undefined,
        true,
      ),
    ).toBe(main)
  })

  it('falls back to the code default, then to main’s own words', () => {
    expect(
      testHint(
        t as never,
        exists,
        { code: 'network', hint: 'x', params: { reason: 'weird' } },
        undefined,
      ),
    ).toBe("Controlla la connessione di rete, le impostazioni del proxy e l'URL di base.")
    expect(
      testHint(t as never, exists, { code: 'ok', hint: null, params: {} }, undefined),
    ).toBeNull()
  })

  it('names the provider key page, or keeps main’s hint when it is unknown', () => {
    expect(
      testHint(
        t as never,
        exists,
        { code: 'auth_invalid', hint: 'en', params: {} },
        'https://platform.openai.com/api-keys',
      ),
    ).toBe('Controlla la chiave, oppure creane una nuova su https://platform.openai.com/api-keys')
    expect(
      testHint(
        t as never,
        exists,
        { code: 'auth_invalid', hint: 'main says', params: {} },
        undefined,
      ),
    ).toBe('main says')
  })
})

describe('hints for causes the provider names (issue 12)', () => {
  it('a restricted key names its missing scope; a regional key page wins over the catalog’s', () => {
    const scope = testHint(
      t as never,
      exists,
      {
        code: 'auth_forbidden',
        hint: 'x',
        params: { reason: 'missing_scope', scope: 'api.model.read' },
      },
      'https://platform.openai.com/api-keys',
    )
    expect(scope).toContain('api.model.read')
    expect(scope).toContain('https://platform.openai.com/api-keys')
    const quota = testHint(
      t as never,
      exists,
      {
        code: 'auth_forbidden',
        hint: 'x',
        params: {
          reason: 'quota',
          docsUrl: 'https://modelstudio.console.alibabacloud.com/us-east-1',
        },
      },
      'https://www.alibabacloud.com/help/en/model-studio/get-api-key',
    )
    expect(quota).toContain('credito')
    expect(quota).toContain('us-east-1')
  })
})
