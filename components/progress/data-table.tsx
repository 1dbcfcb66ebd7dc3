/** A chart's data as a table, in a disclosure beside the chart (server-rendered, no script). */
export function DataTable({
  caption,
  columns,
  rows,
  open,
}: {
  caption: string;
  columns: string[];
  rows: Array<Array<string | number>>;
  open?: boolean;
}) {
  return (
    <details className="progress-table" open={open}>
      <summary>Data table: {caption}</summary>
      <div className="progress-table__scroll">
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={columns.length}>Nothing yet.</td>
              </tr>
            ) : (
              rows.map((row) => (
                <tr key={String(row[0])}>
                  {row.map((cell, i) =>
                    i === 0 ? (
                      <th key={columns[i]} scope="row">
                        {cell}
                      </th>
                    ) : (
                      <td key={columns[i]}>{cell}</td>
                    ),
                  )}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </details>
  );
}
