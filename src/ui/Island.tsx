import { useLayoutEffect, useRef } from 'preact/hooks';
import type { IslandView } from './island';

/** Props: the on-demand view and what it renders. */
export interface IslandProps<P> {
  view: IslandView<P>;
  props: P;
}

/**
 * The place of an on-demand view in the panel: an element the panel never fills itself, which the view
 * renders into on every render of the panel and leaves when the panel drops it. It takes no room of its own
 * (`display: contents`), so the view sits in the layout as if it were the panel's child.
 */
export function Island<P>({ view, props }: IslandProps<P>) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (ref.current) view.render(ref.current, props);
  });
  useLayoutEffect(() => {
    const el = ref.current;
    return () => {
      if (el) view.unmount(el);
    };
  }, [view]);
  return <div class="sa-island" ref={ref} />;
}
