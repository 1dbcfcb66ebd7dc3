import { getTranslations } from "next-intl/server";

/** A chart's data as a table, in a disclosure beside the chart (server-rendered, no script). */
export async function DataTable({
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
  const t = await getTranslations("progress.table");
  return (
    <details className="progress-table" open={open}>
      <summary>{t("summary", { caption })}</summary>
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
                <td colSpan={columns.length}>{t("empty")}</td>
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
