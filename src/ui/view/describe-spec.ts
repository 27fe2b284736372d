/** The describe view's rows: a field's heading and its whole text, in the order given. */
import type { DescribeField } from '../state/routes.js';
import type { ListSpec } from './list-spec.js';
import { searchKey } from './search.js';

export interface DescribeLine extends DescribeField {
  readonly order: number;
}

export const describeLine = (f: DescribeField, order: number): DescribeLine => ({ ...f, order });

export const describeSpec: ListSpec<DescribeLine> = {
  columns: [
    { id: 'label', title: 'describe.field', min: 16, max: 16, priority: 0 },
    { id: 'value', title: 'describe.value', min: 30, flex: 1, priority: 0 },
  ],
  defaultSort: { column: 'order', desc: false },
  key: (l) => String(l.order),
  agencyId: () => null,
  cells: (l) => ({ label: { text: l.label, role: 'muted' }, value: { text: l.value } }),
  sortValue: (l) => l.order,
  searchText: (l) => `${searchKey(l.label)} ${searchKey(l.value)}`,
  stateKey: () => '',
};
