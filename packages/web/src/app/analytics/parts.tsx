/** Parts the analytics pages share: a section with a heading, a table of numbers, figures. */
import { type ReactNode, useId } from 'react';

/** A titled part of a page (a chart and its table). */
export function Section({
  title,
  intro,
  children,
}: {
  title: string;
  intro?: ReactNode;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="panel analytics-section">
      <h2 id={id}>{title}</h2>
      {intro && <p className="muted">{intro}</p>}
      {children}
    </section>
  );
}

export interface Column {
  header: string;
  /** Numbers are right-aligned, so digits line up. */
  numeric?: boolean;
}

/**
 * The numbers of a chart as a table: the first cell of a row is its header.
 *
 * @example
 * <NumbersTable caption="Steps" columns={[{header: 'Step'}, {header: 'Customers', numeric: true}]} rows={[['Cart', '1,234']]} />
 */
export function NumbersTable({
  caption,
  columns,
  rows,
  footer,
}: {
  caption: string;
  columns: readonly Column[];
  rows: readonly (readonly ReactNode[])[];
  footer?: readonly ReactNode[];
}) {
  const cell = (content: ReactNode, index: number, header: boolean) => {
    const className = columns[index]?.numeric ? 'numeric' : undefined;
    return header ? (
      <th key={index} scope="row" className={className}>
        {content}
      </th>
    ) : (
      <td key={index} className={className}>
        {content}
      </td>
    );
  };
  return (
    <div className="table-scroll">
      <table className="table numbers">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.header} scope="col" className={column.numeric ? 'numeric' : undefined}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, rowIndex) => (
            // Rows are the measure's, in its order; none moves in place.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <tr key={rowIndex}>{row.map((content, index) => cell(content, index, index === 0))}</tr>
          ))}
        </tbody>
        {footer && (
          <tfoot>
            <tr>{footer.map((content, index) => cell(content, index, index === 0))}</tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}

/** Headline numbers: a term and its value each. */
export function Figures({ items }: { items: readonly { term: string; value: ReactNode }[] }) {
  return (
    <dl className="figures">
      {items.map((item) => (
        <div key={item.term}>
          <dt>{item.term}</dt>
          <dd>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
