import type { ComponentType } from 'preact';
import { render } from 'preact';
import { PanelEnvContext } from './context';
import { ErrorBoundary } from './ErrorBoundary';
import type { IslandProps, IslandView } from './island';

/**
 * A component as an island view: rendered with this bundle's Preact into the element the panel gives,
 * under its own error boundary and the panel's environment (this copy's context, filled from the props).
 */
export function islandOf<P extends object>(View: ComponentType<P>): IslandView<IslandProps<P>> {
  return {
    render(el, { env, ...props }) {
      render(
        <ErrorBoundary t={env.t}>
          <PanelEnvContext.Provider value={env}>
            <View {...(props as unknown as P)} />
          </PanelEnvContext.Provider>
        </ErrorBoundary>,
        el,
      );
    },
    unmount(el) {
      render(null, el);
    },
  };
}
