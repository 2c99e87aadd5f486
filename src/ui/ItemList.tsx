import { useState } from 'preact/hooks';
import type { Item } from '../audit/types';
import { usePanelEnv } from './context';
import { safeLink } from './order';

/** How many items a list shows before "show all"; keeps 2,000-item reports fast. */
export const ITEM_WINDOW = 20;

/** A result's items; names from the account are rendered as text, links stay on the CRM's origin. */
export function ItemList({ items, label }: { items: (Item & { text: string })[]; label: string }) {
  const { t } = usePanelEnv();
  const [all, setAll] = useState(false);
  const shown = all ? items : items.slice(0, ITEM_WINDOW);
  return (
    <div class="sa-items">
      <ul class="sa-items__list" aria-label={label}>
        {shown.map((item) => {
          const href = safeLink(item.link);
          return (
            <li key={item.id} class="sa-items__item" data-item-id={item.id}>
              {href ? (
                <a class="sa-link" href={href}>
                  {item.text}
                </a>
              ) : (
                <span>{item.text}</span>
              )}
            </li>
          );
        })}
      </ul>
      {!all && items.length > ITEM_WINDOW && (
        <button type="button" class="sa-button sa-button--link" data-action="show-all" onClick={() => setAll(true)}>
          {t('ui.items.showAll', { count: items.length })}
        </button>
      )}
    </div>
  );
}
