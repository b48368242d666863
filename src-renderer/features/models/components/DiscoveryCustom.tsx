import { memo, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { ModelType } from '../../../../src-preload/contract'
import { MODEL_TYPE_KEYS, MODEL_TYPE_NAMES } from '../../../../src-preload/contract/model-types'
import { template } from '../../../lib/translation-templates'

interface Props {
  /** The typed name the listing lacks (already trimmed). */
  name: string
  type: ModelType
  onType: (type: ModelType) => void
  onAdd: () => void
}

/**
 * "X is not listed: add it as …": offered while the query names no listed model. Memoised with
 * its type options and sentence translated once, so a keystroke only fills in the name.
 */
export const DiscoveryCustom = memo(function DiscoveryCustom({ name, type, onType, onAdd }: Props) {
  const { t } = useTranslation('models')
  const { options, notListed } = useMemo(
    () => ({
      options: MODEL_TYPE_NAMES.map((value) => (
        <option key={value} value={value}>
          {t(`types.${MODEL_TYPE_KEYS[value]}.one`)}
        </option>
      )),
      notListed: template(t, 'discovery.notListed', ['name']),
    }),
    [t],
  )
  return (
    <div className="discovery-custom">
      <span>{notListed({ name })}</span>
      <select
        aria-label={t('discovery.customType')}
        value={type}
        onChange={(e) => onType(e.target.value as ModelType)}
      >
        {options}
      </select>
      <button type="button" className="btn small" onClick={onAdd}>
        {t('discovery.addCustom')}
      </button>
    </div>
  )
})
