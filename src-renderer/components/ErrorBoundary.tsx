import { Component, type ErrorInfo, type ReactNode } from 'react'
import { withTranslation, type WithTranslation } from 'react-i18next'

interface Props extends WithTranslation {
  children: ReactNode
  /** Changing this key (e.g. the page) clears a caught error. */
  resetKey?: string
}
interface State {
  failed: boolean
}

/** Catches a render error in one page and offers a reload instead of a white window. */
class ErrorBoundaryInner extends Component<Props, State> {
  override state: State = { failed: false }

  static getDerivedStateFromError(): State {
    return { failed: true }
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    // The message only: component stacks can carry props, and props never hold secrets, but keep it short.
    console.warn('render error', error.name, info.componentStack?.split('\n')[1]?.trim())
  }

  override componentDidUpdate(prev: Props) {
    if (prev.resetKey !== this.props.resetKey && this.state.failed) this.setState({ failed: false })
  }

  override render() {
    const { t } = this.props
    if (!this.state.failed) return this.props.children
    return (
      <div role="alert" className="error-boundary">
        <h2>{t('errorBoundary.title')}</h2>
        <p>{t('errorBoundary.body')}</p>
        <button type="button" className="btn primary" onClick={() => window.location.reload()}>
          {t('errorBoundary.reload')}
        </button>
      </div>
    )
  }
}

export const ErrorBoundary = withTranslation('common')(ErrorBoundaryInner)
