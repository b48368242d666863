/**
 * Copy-paste snippets for calling the gateway (DESIGN §14): the OpenAI and Anthropic SDKs take a
 * base URL and an API key (the gateway token); curl and environment variables likewise. The
 * token is a placeholder unless the user just created one.
 */
export type SnippetKind = 'openai' | 'anthropic' | 'curl' | 'env'
export const SNIPPET_KINDS: SnippetKind[] = ['openai', 'anthropic', 'curl', 'env']

export function snippet(kind: SnippetKind, url: string, token: string, model: string): string {
  switch (kind) {
    case 'openai':
      return [
        'from openai import OpenAI',
        '',
        `client = OpenAI(base_url="${url}/v1", api_key="${token}")`,
        'reply = client.chat.completions.create(',
        `    model="${model}",`,
        '    messages=[{"role": "user", "content": "Hello"}],',
        ')',
        'print(reply.choices[0].message.content)',
      ].join('\n')
    case 'anthropic':
      return [
        'from anthropic import Anthropic',
        '',
        `client = Anthropic(base_url="${url}", api_key="${token}")`,
        'reply = client.messages.create(',
        `    model="${model}",`,
        '    max_tokens=256,',
        '    messages=[{"role": "user", "content": "Hello"}],',
        ')',
        'print(reply.content[0].text)',
      ].join('\n')
    case 'curl':
      return [
        `curl ${url}/v1/chat/completions \\`,
        `  -H "Authorization: Bearer ${token}" \\`,
        '  -H "Content-Type: application/json" \\',
        `  -d '{"model": "${model}", "messages": [{"role": "user", "content": "Hello"}]}'`,
      ].join('\n')
    case 'env':
      return [
        `export OPENAI_BASE_URL=${url}/v1`,
        `export OPENAI_API_KEY=${token}`,
        `export ANTHROPIC_BASE_URL=${url}`,
        `export ANTHROPIC_API_KEY=${token}`,
      ].join('\n')
  }
}
