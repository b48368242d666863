/**
 * One list per vocabulary (issue 13): the default slots (contract/slot-names.ts), the master-key
 * sources and the vault's states (contract/vault.ts) and the theme preferences
 * (contract/theme-names.ts, the enum of contract/preferences.ts) are each written once, `as const`,
 * and every type is derived from the list. This test fails when a module restates one of them as a union
 * (`'env' | 'keychain'`) or an array (`['unlocked', 'locked']`) instead of importing it.
 */
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { advancedSlots, defaultSlots, primarySlots } from '../../../src-preload/contract/slot-names'
import { keySourceIds, vaultStates } from '../../../src-preload/contract/vault'
import { themePreferences } from '../../../src-preload/contract/theme-names'
import { ThemePreference } from '../../../src-preload/contract/preferences'
import { readSource, SOURCE_DIRS, sourceFiles } from '../../support/source-files'

const VOCABULARIES: { name: string; home: string; words: readonly string[] }[] = [
  { name: 'default slots', home: 'src-preload/contract/slot-names.ts', words: defaultSlots },
  { name: 'key sources', home: 'src-preload/contract/vault.ts', words: keySourceIds },
  { name: 'vault states', home: 'src-preload/contract/vault.ts', words: vaultStates },
  { name: 'themes', home: 'src-preload/contract/theme-names.ts', words: themePreferences },
]

describe('one list per vocabulary', () => {
  it('has the words of DESIGN §3 and §4, in order', () => {
    expect([...defaultSlots]).toEqual([...primarySlots, ...advancedSlots])
    expect([...keySourceIds]).toEqual(['env', 'keychain', 'safeStorage'])
    expect([...vaultStates]).toEqual(['unlocked', 'locked', 'wrong_key'])
    expect([...themePreferences]).toEqual(['system', 'light', 'dark'])
  })

  it('builds the preferences schema’s theme enum from the list', () => {
    expect(ThemePreference.options).toEqual([...themePreferences])
  })

  it('no module outside its home restates a list as a union or an array', () => {
    const files = SOURCE_DIRS.flatMap(sourceFiles)
    const restated: string[] = []
    for (const { name, home, words } of VOCABULARIES) {
      const word = `['"](${words.join('|')})['"]`
      // Two different words of the list side by side, joined by `|` or `,`.
      const pair = new RegExp(`${word}\\s*[|,]\\s*${word}`, 'g')
      for (const file of files) {
        if (file === path.normalize(home)) continue
        for (const m of readSource(file).matchAll(pair)) {
          if (m[1] !== m[2]) restated.push(`${file}: ${m[0].replace(/\s+/g, ' ')} (${name})`)
        }
      }
    }
    expect(restated).toEqual([])
  })
})
