import { memo, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { ModelType } from '../../../../src-preload/contract'
import { MODEL_TYPE_KEYS, MODEL_TYPE_NAMES } from '../../../../src-preload/contract/model-types'
import { template } from '../../../lib/translation-templates'

interface Props {
  /** False while the query names a listed model (or nothing): kept in place but hidden, so the
   *  slot's size never changes and the select is not rebuilt per keystroke. */
  shown: boolean
  /** The typed name the listing lacks (already trimmed). */
  name: string
  type: ModelType
  onType: (type: ModelType) => void
  onAdd: (name: string) => void
}

/**
 * "X is not listed: add it as …": offered while the query names no listed model. Memoised with
 * its type options and sentence translated once, so a keystroke only fills in the name (and,
 * hidden, not even that).
 */
export const DiscoveryCustom = memo(function DiscoveryCustom({
  shown,
  name,
  type,
  onType,
  onAdd,
}: Props) {
  const { t } = useTranslation('models')
  // Everything but the name, translated once: t() per keystroke showed in the profile.
  const { options, notListed, typeLabel, add } = useMemo(
    () => ({
      options: MODEL_TYPE_NAMES.map((value) => (
        <option key={value} value={value}>
          {t(`types.${MODEL_TYPE_KEYS[value]}.one`)}
        </option>
      )),
      notListed: template(t, 'discovery.notListed', ['name']),
      typeLabel: t('discovery.customType'),
      add: t('discovery.addCustom'),
    }),
    [t],
  )
  return (
    <div className="discovery-custom" data-shown={shown}>
      <span className="discovery-custom-name">{notListed({ name })}</span>
      <select
        aria-label={typeLabel}
        value={type}
        onChange={(e) => onType(e.target.value as ModelType)}
      >
        {options}
      </select>
      <button type="button" className="btn small" onClick={() => onAdd(name)}>
        {add}
      </button>
    </div>
  )
})
