/** Debian's Chromium, and the flags it needs on a closed, GPU-less machine (shared by every launcher). */
export const CHROMIUM_PATH = process.env.SWITCHBOARD_CHROMIUM ?? '/usr/bin/chromium'

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]
