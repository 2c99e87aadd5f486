import { useLayoutEffect, useRef } from 'preact/hooks';
import type { ComponentChildren } from 'preact';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), ' +
  'textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Focusable elements inside a container, in tab order of the document. */
export function focusablesIn(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((el) => !el.hidden);
}

/** Props of the modal dialog frame. */
export interface DialogProps {
  labelledBy: string;
  /** Called on Escape; ignored while `closable` is false (e.g. while writes are in flight). */
  onClose: () => void;
  closable: boolean;
  children?: ComponentChildren;
}

/**
 * A modal dialog: focus moves in on open, Tab and Shift+Tab stay inside, Escape closes,
 * and focus returns to whatever opened it (the trigger) on close.
 */
export function Dialog({ labelledBy, onClose, closable, children }: DialogProps) {
  const ref = useRef<HTMLDivElement>(null);
  // Latest props for the document listeners, which are attached once.
  const latest = useRef({ onClose, closable });
  latest.current = { onClose, closable };
  useLayoutEffect(() => {
    const root = ref.current;
    if (!root) return;
    const trigger = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    (focusablesIn(root)[0] ?? root).focus();
    // Focus can still escape (a control disabled under it, a screen reader's virtual cursor):
    // Escape is honoured from anywhere, and focus landing outside is pulled back in.
    const onDocKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !root.contains(e.target as Node) && latest.current.closable) latest.current.onClose();
    };
    const onFocusIn = (e: FocusEvent) => {
      if (e.target instanceof Node && !root.contains(e.target)) (focusablesIn(root)[0] ?? root).focus();
    };
    document.addEventListener('keydown', onDocKey);
    document.addEventListener('focusin', onFocusIn);
    return () => {
      document.removeEventListener('keydown', onDocKey);
      document.removeEventListener('focusin', onFocusIn);
      // The trigger may be gone after a re-audit (the result now passes); then focus the panel.
      if (trigger?.isConnected) trigger.focus();
      else root.closest<HTMLElement>('.setup-audit')?.focus();
    };
  }, []);

  function onKeyDown(e: KeyboardEvent): void {
    const root = ref.current;
    if (!root) return;
    if (e.key === 'Escape') {
      e.stopPropagation();
      e.preventDefault();
      if (closable) onClose();
      return;
    }
    if (e.key !== 'Tab') return;
    const list = focusablesIn(root);
    if (list.length === 0) {
      e.preventDefault();
      root.focus();
      return;
    }
    const first = list[0]!;
    const last = list[list.length - 1]!;
    const active = document.activeElement;
    const inside = active instanceof Node && root.contains(active) && active !== root;
    if (e.shiftKey && (!inside || active === first)) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && (!inside || active === last)) {
      e.preventDefault();
      first.focus();
    }
  }

  return (
    <div class="sa-overlay">
      <div
        class="sa-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={labelledBy}
        tabIndex={-1}
        ref={ref}
        onKeyDown={onKeyDown}
      >
        {children}
      </div>
    </div>
  );
}
