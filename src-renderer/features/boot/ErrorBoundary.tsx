import { Component, type ErrorInfo, type ReactNode } from 'react';
import i18next from 'i18next';
import './boot.css';

type State = { error: Error | null };

/** A bug in one screen must not leave a blank register: show what happened and a way back. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('render failed', error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <main className="fullscreen-message is-error" role="alert">
        <div className="fullscreen-card">
          <h1>{i18next.t('boot.crashTitle')}</h1>
          <p>{i18next.t('boot.crashBody')}</p>
          <pre className="fullscreen-detail">{error.message}</pre>
          <button type="button" className="btn btn-primary btn-large" onClick={() => location.reload()}>{i18next.t('boot.reload')}</button>
        </div>
      </main>
    );
  }
}
