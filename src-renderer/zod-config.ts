/**
 * Zod 4 probes `new Function` to compile fast object parsers the moment the first schema is
 * built; the renderer's CSP (no 'unsafe-eval') blocks that and reports a violation. Turning the
 * compiler off must happen before any contract schema is constructed, so main.tsx imports this
 * module first.
 */
import { z } from 'zod'

z.config({ jitless: true })
