/** A cell value: text is always written as a string cell, numbers as numbers; never a formula. */
export type CellValue = string | number | null;

/** A column of a sheet. */
export interface ColumnSpec {
  header: string;
  /** Width in characters. */
  width: number;
  /** Wrap long text (multi-line items, reasons). */
  wrap?: boolean;
}

/** A drop-down list on a range, fed by a range of another (usually hidden) sheet. */
export interface ListValidation {
  /** First and last column (0-based) and rows (1-based) the list applies to. */
  fromCol: number;
  toCol: number;
  fromRow: number;
  toRow: number;
  /** Sheet holding the list values: 0-based column, first 1-based row (default 1) and how many values. */
  source: { sheet: string; col: number; firstRow?: number; count: number };
  /** `stop` rejects other values; `warning` lets the user keep them (multiselect, free text). */
  strict: boolean;
}

/** One worksheet to write. The first row is the header when `columns` is given. */
export interface SheetSpec {
  name: string;
  columns: ColumnSpec[];
  rows: CellValue[][];
  /** Freeze the header row (default true when there are columns). */
  freezeHeader?: boolean;
  /** Autofilter over the header and data columns (default true). */
  autoFilter?: boolean;
  /** Hidden helper sheet (lists for validations). */
  hidden?: boolean;
  validations?: ListValidation[];
}
