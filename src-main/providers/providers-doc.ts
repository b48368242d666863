/**
 * docs/providers.md, generated from the catalog and API_FACTS (issue 12). Nothing in the page is
 * written by hand: `npm run docs:providers` rewrites it, and a test fails when the committed file
 * differs from what this renders.
 */
import { API_FACTS, AUTH_HEADER } from './api-facts'
import { catalog } from './catalog'
import type { CatalogEntry } from './catalog-types'
import { guideRows } from './guides/guide-doc'

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ')

function baseUrl(e: CatalogEntry): string {
  if (e.regions?.length) {
    return e.regions.map((r) => `${r.label}: \`${r.baseUrl}\``).join('<br>')
  }
  if (e.defaultBaseUrl) return `\`${e.defaultBaseUrl}\``
  if (e.apiShape === 'vertex') return '`https://{location}-aiplatform.googleapis.com/v1`'
  return 'set on the credential'
}

function section(e: CatalogEntry): string {
  const f = API_FACTS[e.id]
  const rows: [string, string][] = [
    ['Default base URL', baseUrl(e)],
    ['Auth', AUTH_HEADER[e.apiShape]],
    ['Test call', f.test],
    ['Listing', f.listing],
    ['Pagination', f.pagination],
    ['Model tests', f.modelTests],
    ['Error mapping', f.errors],
    ['Limits and quota', f.limits],
  ]
  if (e.speech) {
    const byModel = Object.entries(e.speech.voiceByModel ?? {})
      .map(([m, v]) => `\`${v}\` for \`${m}\``)
      .join(', ')
    rows.push([
      'Speech test',
      `route \`${e.speech.route}\`, voice \`${e.speech.voice}\`${byModel ? ` (${byModel})` : ''}`,
    ])
  }
  if (e.audioBaseUrl) rows.push(['Audio base URL', `\`${e.audioBaseUrl}\``])
  const keyPages = e.regions?.length
    ? e.regions.map((r) => `${r.label}: ${r.docsUrl}`).join('<br>')
    : e.docsUrl
  rows.push(['Keys', keyPages])
  rows.push(...guideRows(e.id))
  rows.push(['Sources', f.sources.join('<br>')])
  return [
    `## ${e.displayName} (\`${e.id}\`)`,
    '',
    `Modalities: ${e.modalities.join(', ')}. API shape: \`${e.apiShape}\`. Discovery: ${e.discovery}${e.local ? ' (local server)' : ''}.`,
    '',
    '| | |',
    '|---|---|',
    ...rows.map(([k, v]) => `| ${k} | ${cell(v)} |`),
    '',
  ].join('\n')
}

/** The whole page. */
export function renderProvidersDoc(): string {
  const index = catalog.map((e) => `- [${e.displayName}](#${anchor(e)})`).join('\n')
  return [
    '<!-- Generated from src-main/providers/catalog.ts, api-facts.ts and guides/ by `npm run docs:providers`. Do not edit by hand. -->',
    '',
    '# Providers',
    '',
    'How Switchboard talks to each provider: the call that tests a credential, how models are',
    'listed and paged, what a model test sends, how error bodies become result codes (DESIGN §5),',
    'the rate-limit and quota signals shown beside a test, and the sources each fact (and each',
    'route of the fake servers in tests/fixtures) was taken from. Each section also carries the',
    'provider guide the add dialog shows (src-main/providers/guides/): how to get a key, its usual',
    'shape, the recommended models per default slot and, for local servers, the memory a model needs.',
    '',
    'Shared mapping for every provider: 2xx → `ok`; 401 → `auth_invalid`; 403 → `auth_forbidden`;',
    '429 → `ok_rate_limited`; a body naming no credit or quota left → `auth_forbidden` (reason',
    '`quota`); refused / DNS / TLS → `network`; no answer in 10 s → `timeout`; other statuses or a',
    'body that is not the API’s → `server_error`.',
    '',
    index,
    '',
    ...catalog.map(section),
  ].join('\n')
}

function anchor(e: CatalogEntry): string {
  return `${e.displayName} (${e.id})`
    .toLowerCase()
    .replace(/[^a-z0-9 _-]/g, '')
    .replace(/ /g, '-')
}
