import { Component, h } from 'preact';
import type { ComponentType, FunctionComponent } from 'preact';

function sameProps(a: object, b: object): boolean {
  for (const k in a) if (!(k in b)) return false;
  for (const k in b) if ((a as Record<string, unknown>)[k] !== (b as Record<string, unknown>)[k]) return false;
  return true;
}

/**
 * Skips re-rendering `view` while its props stay shallow-equal, like preact/compat's memo; kept here
 * because compat, imported for this alone, costs the widget bundle about 4 KB gzip.
 */
export function memo<P extends object>(view: FunctionComponent<P>): ComponentType<P> {
  return class Memo extends Component<P> {
    override shouldComponentUpdate(next: P): boolean {
      return !sameProps(this.props, next);
    }
    override render(props: P) {
      return h(view, props);
    }
  };
}
