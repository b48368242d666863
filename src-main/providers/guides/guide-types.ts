/**
 * The shape of a provider's guide (issue 16) on the main side: the same as the renderer's view
 * (src-preload/contract/guides.ts), with the troubleshooting keys typed by their single sources
 * (the contract's test codes, the adapters' failure reasons) instead of plain strings.
 */
import type { DefaultSlotName } from '../../../src-preload/contract/defaults'
import type { TestCode } from '../../../src-preload/contract/errors'
import type { GuideText, MemoryNeed } from '../../../src-preload/contract/guides'
import type { KeyShape } from '../../../src-preload/contract/key-input'
import type { FailureReason } from '../adapters/failure-code'

export type { GuideText, KeyShape, MemoryNeed }

/** What a troubleshooting line may be about: a test code other than `ok`, or a failure reason. */
export type TroubleKey = Exclude<TestCode, 'ok'> | FailureReason['reason']

export type Recommended = Partial<Record<DefaultSlotName, string[]>>
export type Troubleshooting = Partial<Record<TroubleKey, GuideText>>
