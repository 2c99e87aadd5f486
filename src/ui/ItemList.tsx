import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { Translate } from '../i18n/translate';
import { usePanelEnv } from './context';
import { safeLink } from './order';
import { itemText, recordLinks, type ShownItem } from './item-view';
import { isolated, saidIsolated } from './isolate';

/** How many items a list shows before "show all"; keeps 2,000-item reports fast. */
export const ITEM_WINDOW = 20;

/**
 * The item's sentence with the account's names in it isolated (an Arabic name keeps the numbers after it
 * on its side). Rebuilt from its message only when the panel's dictionary says it the way the report does.
 */
function itemSentence(item: ShownItem, t: Translate): ComponentChildren {
  const { key, params } = item.message;
  if (t(key, params) !== item.text) return itemText(item, t);
  return isolated(t, (tr) => itemText({ ...item, text: tr(key, params) }, tr));
}

/**
 * A result's items; names from the account are rendered as text, links stay on the CRM's origin. A group
 * (duplicate contacts) links to each of its records, not just the first.
 */
export function ItemList({ items, label }: { items: ShownItem[]; label: string }) {
  const { t } = usePanelEnv();
  const [all, setAll] = useState(false);
  const shown = all ? items : items.slice(0, ITEM_WINDOW);
  return (
    <div class="sa-items">
      <ul class="sa-items__list" aria-label={label}>
        {shown.map((item) => {
          const records = recordLinks(item);
          const href = records.length > 0 ? undefined : safeLink(item.link);
          const text = itemSentence(item, t);
          return (
            <li key={item.id} class="sa-items__item" data-item-id={item.id}>
              {href ? (
                <a class="sa-link" href={href}>
                  {text}
                </a>
              ) : (
                <span>{text}</span>
              )}
              {records.length > 0 && (
                <span class="sa-items__records">
                  {records.map((r, i) => (
                    <a key={r.id} class="sa-link" href={r.href} data-record-id={r.id}>
                      {r.name
                        ? saidIsolated(t, 'ui.items.recordNamed', { name: r.name, id: r.id })
                        : t('ui.items.record', { n: i + 1, id: r.id })}
                    </a>
                  ))}
                </span>
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
