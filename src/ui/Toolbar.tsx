import type { Severity } from '../audit/types';
import type { Filter, FilterOutcome } from './filters';
import { isFiltering, NO_FILTER } from './filters';
import { usePanelEnv } from './context';

/** Props of the sticky bar: the score line, the filter, and whether every row is open. */
export interface ToolbarProps {
  scoreLine: string;
  provisional: boolean;
  filter: Filter;
  onFilter: (filter: Filter) => void;
  allOpen: boolean;
  onExpandAll: (open: boolean) => void;
  /** Findings shown under the current filter. */
  shown: number;
}

const CHIPS: { outcome: FilterOutcome; key: string }[] = [
  { outcome: 'fail', key: 'ui.toolbar.failed' },
  { outcome: 'needs-review', key: 'ui.toolbar.review' },
  { outcome: 'manual', key: 'ui.toolbar.manual' },
];
const SEVERITIES: Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

/** The bar that stays on top while scrolling: score, filters (outcome, fixable, severity), search, open all. */
export function Toolbar(props: ToolbarProps) {
  const { t } = usePanelEnv();
  const { filter, onFilter } = props;
  const toggleOutcome = (outcome: FilterOutcome) =>
    onFilter({
      ...filter,
      outcomes: filter.outcomes.includes(outcome)
        ? filter.outcomes.filter((o) => o !== outcome)
        : [...filter.outcomes, outcome],
    });
  return (
    <section class="sa-toolbar" aria-label={t('ui.toolbar.label')} data-role="toolbar">
      <span class="sa-toolbar__score" data-provisional={props.provisional ? 'true' : undefined}>
        {props.scoreLine}
      </span>
      <span class="sa-toolbar__chips">
        {CHIPS.map(({ outcome, key }) => (
          <button
            key={outcome}
            type="button"
            class="sa-filter"
            data-filter={outcome}
            aria-pressed={filter.outcomes.includes(outcome)}
            onClick={() => toggleOutcome(outcome)}
          >
            {t(key)}
          </button>
        ))}
        <button
          type="button"
          class="sa-filter"
          data-filter="fixable"
          aria-pressed={filter.fixable}
          onClick={() => onFilter({ ...filter, fixable: !filter.fixable })}
        >
          {t('ui.toolbar.fixable')}
        </button>
      </span>
      <label class="sa-toolbar__field">
        <span class="sa-visually-hidden">{t('ui.toolbar.severity')}</span>
        <select
          class="sa-select"
          data-filter="severity"
          value={filter.severity ?? ''}
          onChange={(e) => {
            const value = e.currentTarget.value;
            onFilter({ ...filter, severity: value === '' ? null : (value as Severity) });
          }}
        >
          <option value="">{t('ui.toolbar.anySeverity')}</option>
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {t(`severity.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label class="sa-toolbar__field sa-toolbar__search">
        <span class="sa-visually-hidden">{t('ui.toolbar.search')}</span>
        <input
          type="search"
          class="sa-input"
          data-filter="search"
          placeholder={t('ui.toolbar.searchPlaceholder')}
          value={filter.query}
          onInput={(e) => onFilter({ ...filter, query: e.currentTarget.value })}
        />
      </label>
      <button
        type="button"
        class="sa-button"
        data-action="expand-all"
        aria-pressed={props.allOpen}
        onClick={() => props.onExpandAll(!props.allOpen)}
      >
        {props.allOpen ? t('ui.toolbar.collapseAll') : t('ui.toolbar.expandAll')}
      </button>
      {isFiltering(filter) && (
        <span class="sa-toolbar__shown">
          <span role="status">{t('ui.toolbar.shown', { count: props.shown })}</span>{' '}
          <button
            type="button"
            class="sa-button sa-button--link"
            data-action="clear-filters"
            onClick={() => onFilter(NO_FILTER)}
          >
            {t('ui.toolbar.clear')}
          </button>
        </span>
      )}
    </section>
  );
}
