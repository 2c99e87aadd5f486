import { Component } from 'preact';
import type { ComponentChildren } from 'preact';
import type { Translate } from '../i18n/translate';

/** Props: the translator (a boundary may sit outside the panel's context) and what it guards. */
export interface ErrorBoundaryProps {
  t: Translate;
  children?: ComponentChildren;
}

/** Keeps a rendering fault inside its subtree: shows a message and a retry instead of a blank CRM page. */
export class ErrorBoundary extends Component<ErrorBoundaryProps, { error: unknown }> {
  override state = { error: null as unknown };

  static override getDerivedStateFromError(error: unknown): { error: unknown } {
    return { error };
  }

  override render() {
    const { t, children } = this.props;
    if (this.state.error == null) return children;
    const detail = this.state.error instanceof Error ? this.state.error.message : '';
    return (
      <div class="sa-fault" role="alert">
        <p class="sa-fault__title">{t('ui.fault.title')}</p>
        {detail && <p class="sa-fault__detail">{detail}</p>}
        <button type="button" class="sa-button" data-action="retry" onClick={() => this.setState({ error: null })}>
          {t('ui.fault.retry')}
        </button>
      </div>
    );
  }
}
