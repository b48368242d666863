/**
 * DashScope's region (issue 12): a DashScope key works only in the region it was made in
 * (alibabacloud.com/help/en/model-studio/base-url), so the region is a field of the credential
 * (stored as `location`) with exactly the catalog's regions as choices. The form offers them, the
 * key link follows the region, and every way in (IPC, CLI) refuses a region that does not exist.
 */
import { describe, expect, it } from 'vitest'
import type { ProviderFormView } from '../../../src-preload/contract'
import { apiRoot } from '../../../src-main/providers/base-url'
import { getProvider } from '../../../src-main/providers/catalog'
import {
  initialValues,
  validateField,
} from '../../../src-renderer/features/api-keys/lib/form-model'
import { cliJson } from '../../fixtures/cli-in-process'
import { ipcHarness } from '../../support/ipc-harness'
import { snapshot } from '../vault/helpers'
import { tmpHome } from '../../support/home'

const MASTER = { SWITCHBOARD_ENCRYPTION_KEY: 'dashscope region master passphrase' }
const KEY = 'sk-fake-dashscope-0123456789abcdef'
const tmp = () => tmpHome('sb-region-')

const cli = (home: string, args: string[], stdin = '') =>
  cliJson(args, { SWITCHBOARD_HOME: home, ...MASTER }, stdin)

async function dashscopeForm(): Promise<ProviderFormView> {
  const h = ipcHarness(tmp(), MASTER)
  const r = await h.call('credentials:providers', {})
  const form = (r.data as ProviderFormView[]).find((p) => p.id === 'dashscope')
  if (!form) throw new Error('no dashscope form')
  return form
}

describe('DashScope region', () => {
  it('the form offers the three regions, each with its own key page', async () => {
    const form = await dashscopeForm()
    const location = form.fields.find((f) => f.field === 'location')
    expect(location?.choices?.map((c) => c.value)).toEqual([
      'cn-beijing',
      'ap-southeast-1',
      'us-east-1',
    ])
    const pages = new Set(location?.choices?.map((c) => c.docsUrl))
    expect(pages.size).toBe(3)
    // A new credential starts on the first region; an unknown one is refused before main sees it.
    expect(initialValues(form).location).toBe('cn-beijing')
    const mode = { editing: false, hasStoredKey: false }
    expect(validateField('location', 'ap-southeast-1', location, mode)).toBeNull()
    expect(validateField('location', 'eu-west-1', location, mode)).toBe('not_a_choice')
  })

  it('IPC stores the chosen region, which picks the endpoint; an unknown region changes nothing', async () => {
    const h = ipcHarness(tmp(), MASTER)
    const ok = await h.call('credentials:create', {
      provider: 'dashscope',
      name: 'Qwen SG',
      apiKey: KEY,
      location: 'ap-southeast-1',
    })
    expect(ok.ok).toBe(true)
    expect(ok.data.location).toBe('ap-southeast-1')
    const entry = getProvider('dashscope')
    expect(apiRoot({ ...ok.data, apiKey: KEY }, entry)).toBe(
      'https://dashscope-intl.aliyuncs.com/compatible-mode/v1',
    )
    const before = snapshot(h.home)
    const bad = await h.call('credentials:create', {
      provider: 'dashscope',
      name: 'Qwen EU',
      apiKey: KEY,
      location: 'eu-west-1',
    })
    expect([bad.error?.code, bad.error?.params?.field, bad.error?.params?.reason]).toEqual([
      'validation',
      'location',
      'not_a_choice',
    ])
    const upd = await h.call('credentials:update', { id: ok.data.id, location: 'mars' })
    expect(upd.error?.params?.reason).toBe('not_a_choice')
    expect(snapshot(h.home)).toEqual(before)
    expect(JSON.stringify([bad, upd])).not.toContain(KEY)
  })

  it('the CLI takes --location for DashScope and names the regions when one is wrong', async () => {
    const home = tmp()
    const added = await cli(
      home,
      ['add', 'dashscope', '--name', 'Qwen US', '--location', 'us-east-1', '--key-stdin'],
      `${KEY}\n`,
    )
    expect([added.code, added.json.location]).toEqual([0, 'us-east-1'])
    const wrong = await cli(
      home,
      ['add', 'dashscope', '--name', 'Qwen X', '--location', 'moon', '--key-stdin'],
      `${KEY}\n`,
    )
    expect(wrong.code).toBe(2)
    expect(wrong.json.error.code).toBe('validation')
    expect(wrong.json.error.message).toContain('cn-beijing, ap-southeast-1, us-east-1')
    const list = await cli(home, ['list'])
    expect(list.json).toHaveLength(1)
  })
})
